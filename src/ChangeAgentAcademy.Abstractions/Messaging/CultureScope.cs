using System.Globalization;

namespace ChangeAgentAcademy.Messaging;

/// <summary>Renders text in someone else's language (an e-mail in the recipient's), then restores the request's.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string language)
    {
        var target = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
