/** A document from the cms (a PDF, a CSV), passed on to the reader who may see it: as an attachment, never kept by a shared cache. */
export function pdfResponse(pdf: Response, number: string): Response {
  return new Response(pdf.body, {
    headers: {
      'content-type': pdf.headers.get('content-type') ?? 'application/pdf',
      'content-disposition': pdf.headers.get('content-disposition') ?? `attachment; filename="${number}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
