// Fetches the citizen's copy from the gateway (a POST of its own content type) and hands it
// to the browser as a download: the person's id goes in the body, the file
// comes back as a Blob under an object URL that is let go at once — nothing
// personal in a URL, a history entry or the browser's storage.
import { parseRuntimeConfig } from "../runtime-config.ts";

export type CopyFormat = "PDF" | "JSON";

/** Why a copy was not given, by the gateway's error code (NOT_FOUND, ASSURANCE_TOO_LOW, …). */
export class CopyRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The gateway's endpoint (the app's /config.json names it): a copy is asked for there, by its content type. */
async function copyEndpoint(): Promise<string> {
  return parseRuntimeConfig(await (await fetch("/config.json", { cache: "no-store" })).json()).gatewayUrl;
}

/** gateway/data-copy/route.ts's DATA_COPY_MEDIA_TYPE. */
const DATA_COPY_MEDIA_TYPE = "application/vnd.samhandling-hub.data-copy+json";

export async function downloadCopy(personId: string, format: CopyFormat, token: string | null): Promise<void> {
  const response = await fetch(await copyEndpoint(), {
    method: "POST",
    headers: { "content-type": DATA_COPY_MEDIA_TYPE, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ personId, format }),
    credentials: "omit",
    referrerPolicy: "no-referrer",
    cache: "no-store",
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
    throw new CopyRefused(body?.errors?.[0]?.extensions?.code ?? "SERVICE_UNAVAILABLE");
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  // The date only: the file name says nothing about whose copy it is.
  link.download = `kopi-av-opplysningene-${new Date().toISOString().slice(0, 10)}.${format.toLowerCase()}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
