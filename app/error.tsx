"use client";

import { ServiceUnavailable } from "@/components/errors/service-unavailable";

// Errors outside a console page's own boundary: the console layout's session lookup, the login
// and registration pages (e.g. the database is locked or read-only).
export default ServiceUnavailable;
