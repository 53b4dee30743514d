// Reads the error answers back out of an OpenAPI document: every example under every response,
// as (path, HTTP status, code, body). A failed batch image is its element inside a 200 answer.

export interface DocumentedAnswer {
  path: string;
  http: number;
  code: number;
  body: Record<string, unknown>;
}

type Body = Record<string, unknown>;
type Examples = Record<string, { value: Body & { statusCode?: number; returnObj?: Body[] } }>;
type Operation = { responses: Record<string, { content?: Record<string, { examples?: Examples }> }> };

export function documentedAnswers(doc: Record<string, unknown>): DocumentedAnswer[] {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.values(item).flatMap((op) =>
      Object.entries(op.responses).flatMap(([status, response]) =>
        Object.values(response.content?.["application/json"]?.examples ?? {}).flatMap(({ value }): DocumentedAnswer[] => {
          const element = value.returnObj?.[0];
          if (status === "200" && element && typeof element.err_code === "number")
            return [{ path, http: 200, code: element.err_code, body: element }];
          return typeof value.statusCode === "number" && value.statusCode !== 0
            ? [{ path, http: Number(status), code: value.statusCode, body: value }]
            : [];
        }),
      ),
    ),
  );
}
