"use client";

import { ServiceUnavailable } from "@/components/errors/service-unavailable";

export default ServiceUnavailable;
