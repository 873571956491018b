using PdfSharp.Fonts;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// PDFsharp 6's font resolver: it has no system font lookup on Linux, so the certificate's one family, DejaVu Sans
/// (regular and bold), is shipped inside this assembly; any family asked for gets it. Installed once per process.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFonts)
            {
                GlobalFontSettings.FontResolver = new CertificateFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Outcomes.{faceName}.ttf")
            ?? typeof(CertificateFonts).Assembly.GetManifestResourceStream("Outcomes.DejaVuSans.ttf")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
