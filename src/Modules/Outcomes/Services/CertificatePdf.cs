using System.Globalization;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Resources;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// Draws a certificate as an A4 landscape PDF in the certificate's language with PDFsharp (no browser): the name,
/// the programme, the cohort and its dates, what was completed, the signing trainer, the verification code, and a
/// QR code (drawn as vector squares) that opens the public verification page.
/// </summary>
public sealed class CertificatePdf(IStringLocalizer<OutcomesText> S)
{
    public byte[] Render(Certificate c, string verifyUrl)
    {
        CertificateFonts.Install();
        using var scope = new CultureScope(c.Language);
        using var document = new PdfDocument();
        document.Info.Title = S["Pdf.Title"].Value + " · " + c.PersonName;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var w = gfx.PageSize.Width;
            var h = gfx.PageSize.Height;
            var brand = new XSolidBrush(XColor.FromArgb(0x1d, 0x4e, 0x6e));
            gfx.DrawRectangle(new XPen(XColor.FromArgb(0x1d, 0x4e, 0x6e), 4), 24, 24, w - 48, h - 48);

            var title = new XFont(CertificateFonts.Family, 30, XFontStyleEx.Bold);
            var name = new XFont(CertificateFonts.Family, 26, XFontStyleEx.Bold);
            var body = new XFont(CertificateFonts.Family, 13, XFontStyleEx.Regular);
            var small = new XFont(CertificateFonts.Family, 10, XFontStyleEx.Regular);

            double y = 70;
            void Line(string text, XFont font, XBrush brush, double gap)
            {
                gfx.DrawString(text, font, brush, new XRect(60, y, w - 120, font.Height), XStringFormats.TopCenter);
                y += font.Height + gap;
            }

            Line(S["Pdf.Title"], title, brand, 18);
            Line(S["Pdf.Certifies"], body, XBrushes.Black, 8);
            Line(c.PersonName, name, XBrushes.Black, 10);
            Line(S["Pdf.Completed", S["Programme." + c.Track]], body, XBrushes.Black, 6);
            var issued = DateOnly.FromDateTime(c.IssuedUtc);
            Line(S["Pdf.Cohort", c.CohortName, c.CohortStart.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), issued.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)], body, XBrushes.Black, 14);
            foreach (var (kind, count) in CompletionRules.ParseSummary(c.Completed))
            {
                Line("• " + S["Pdf.Done." + kind, count], body, XBrushes.Black, 2);
            }

            // The signature block, bottom left; the QR code and the code, bottom right.
            var bottom = h - 70;
            gfx.DrawLine(new XPen(XColors.Black, 0.8), 70, bottom - 18, 300, bottom - 18);
            gfx.DrawString(c.SignedBy, body, XBrushes.Black, new XRect(70, bottom - 14, 300, body.Height), XStringFormats.TopLeft);
            gfx.DrawString(S["Pdf.Trainer"], small, XBrushes.Black, new XRect(70, bottom + 2, 300, small.Height), XStringFormats.TopLeft);

            const double qrSize = 110;
            var qrLeft = w - 70 - qrSize;
            var qrTop = bottom - qrSize - 10;
            DrawQr(gfx, verifyUrl, qrLeft, qrTop, qrSize);
            gfx.DrawString(S["Pdf.Code", c.Code], small, XBrushes.Black, new XRect(qrLeft - 200, bottom + 2, qrSize + 200, small.Height), XStringFormats.TopRight);
            gfx.DrawString(verifyUrl, small, XBrushes.Black, new XRect(60, h - 48, w - 120, small.Height), XStringFormats.TopCenter);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void DrawQr(XGraphics gfx, string text, double left, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var cell = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Count; col++)
            {
                if (matrix[row][col])
                {
                    gfx.DrawRectangle(XBrushes.Black, left + col * cell, top + row * cell, cell + 0.05, cell + 0.05);
                }
            }
        }
    }
}
