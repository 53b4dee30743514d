import { consoleRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { getPlaygroundResultImage } from "@/lib/data/playground-results";

// GET /api/console/playground-results/<id>/image – the picture of one of the user's recent playground results (session auth)
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return consoleRoute(async (user) => {
    const { id } = await params;
    const image = await getPlaygroundResultImage({ userId: user.id, id: id.slice(0, 64) });
    if (!image) throw new AppError("not_found", `No playground result ${id}`, "该记录不存在或已删除");
    return new Response(Buffer.from(image.bytes), {
      headers: { "content-type": image.mime, "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" },
    });
  });
}
