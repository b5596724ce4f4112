// fontkit ships no types; the handout only hands the parsed font to pdfkit (which accepts a fontkit font).
declare module 'fontkit' {
  export function create(data: Uint8Array): { layout(text: string): unknown };
}
