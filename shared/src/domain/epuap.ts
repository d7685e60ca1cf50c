/**
 * An ePUAP electronic inbox address: `/<office id>/<inbox>`, e.g. `/mopsczestochowa/urzad` or
 * `/UMCzestochowa/SkrytkaESP`. Office ids and inbox names are short Latin identifiers.
 */
const EPUAP_ADDRESS = /^\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/;

export function parseEpuapAddress(value: string): { office: string; inbox: string } | undefined {
  const match = EPUAP_ADDRESS.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { office: match[1], inbox: match[2] };
}

/** The office's public profile on ePUAP, where a resident starts a letter to that inbox. */
export function epuapProfileUrl(office: string): string {
  return `https://epuap.gov.pl/wps/portal/strefa-klienta/katalog-spraw/profil-urzedu/${encodeURIComponent(office)}`;
}
