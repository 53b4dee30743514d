import { redirect } from "next/navigation";

export default function PlaygroundIndexPage() {
  redirect("/playground/general");
}
