/** Present when the client's request path was not the one Next routed. */
export declare const PATH_VARIANT_HEADER: string;
