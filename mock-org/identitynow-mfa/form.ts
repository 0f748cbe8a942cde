/**
 * The token endpoint's form bodies: `application/x-www-form-urlencoded` and `multipart/form-data`
 * (the official client's FormData). Only text fields are read; anything else is no fields.
 */
export function parseFormFields(contentType: string | undefined, body: unknown): Record<string, string> {
  if (typeof body !== 'string' || contentType === undefined) return {};
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body));
  if (type === 'multipart/form-data') {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    return boundary ? multipartFields(body, boundary) : {};
  }
  return {};
}

function multipartFields(body: string, boundary: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || /filename=/i.test(head)) continue;
    fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return fields;
}
