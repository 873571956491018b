using System.Security.Cryptography;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>Verification codes: ten random characters without look-alikes (no 0/O, 1/I/L), shown as XXXXX-XXXXX.</summary>
public static class CertificateCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{chars[..5]}-{chars[5..]}";
    }

    /// <summary>What a person typed or scanned, in the stored form (upper case, one hyphen), or null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        var bare = new string((input ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return bare.Length == 10 && bare.All(c => Alphabet.Contains(c)) ? $"{bare[..5]}-{bare[5..]}" : null;
    }
}
