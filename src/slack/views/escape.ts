/** Escapes text a person typed before it is placed into mrkdwn, so it cannot ping or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
