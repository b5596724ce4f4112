// svg-to-pdfkit ships no types; the handout draws each item's drawing (our own SVG) into the page as vectors.
declare module 'svg-to-pdfkit' {
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; preserveAspectRatio?: string; assumePt?: boolean; warningCallback?: (w: string) => void },
  ): void;
}
