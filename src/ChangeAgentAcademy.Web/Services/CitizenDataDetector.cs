using System.Text.RegularExpressions;

using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Web.Services;

/// <summary>
/// Finds details in a trainee's free-text reflection that could identify a citizen (GDPR art. 9):
/// Swedish personnummer/samordningsnummer, Danish CPR and Finnish HETU (check digits validated),
/// phone numbers, e-mail addresses, street addresses and postal codes, and capitalised names next to
/// care words (EN, SV, DA, FI) or after an honorific. Tuned to keep false alarms on ordinary
/// reflective text low, so it is a safety net, not a guarantee.
/// </summary>
/// <remarks>
/// Only source-generated regular expressions with a match timeout and without ambiguous nested
/// quantifiers are used, so scanning is linear in practice (a 20,000-character text takes about a
/// millisecond in a release build).
/// A <see cref="RegexMatchTimeoutException"/> is not swallowed: a caller should treat it as
/// "could not be checked" rather than as "nothing found".
/// </remarks>
public static partial class CitizenDataDetector
{
    private const int TimeoutMs = 500;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// Findings ordered by Start, never overlapping: overlapping matches merge into one finding that spans
    /// both and has the stronger kind (PersonalNumber, then Email, Phone, Address, Name).
    /// </summary>
    public static IReadOnlyList<CitizenDataFinding> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var candidates = new List<Candidate>();
        FindSwedishAndDanishNumbers(text, candidates);
        FindFinnishNumbers(text, candidates);
        FindEmails(text, candidates);
        FindPhones(text, candidates);
        FindAddresses(text, candidates);
        FindNames(text, candidates);
        return Resolve(text, candidates);
    }

    private readonly record struct Candidate(int Start, int End, CitizenDataKind Kind);

    // ------------------------------------------------------------------------------------------
    // Overlap resolution
    // ------------------------------------------------------------------------------------------

    private static int Strength(CitizenDataKind kind) => kind switch
    {
        CitizenDataKind.PersonalNumber => 5,
        CitizenDataKind.Email => 4,
        CitizenDataKind.Phone => 3,
        CitizenDataKind.Address => 2,
        _ => 1,
    };

    private static List<CitizenDataFinding> Resolve(string text, List<Candidate> candidates)
    {
        var result = new List<CitizenDataFinding>();
        if (candidates.Count == 0)
        {
            return result;
        }

        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var current = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            var next = candidates[i];
            if (next.Start < current.End)
            {
                // Overlap: one finding covering both, of the stronger kind.
                var kind = Strength(next.Kind) > Strength(current.Kind) ? next.Kind : current.Kind;
                current = new Candidate(current.Start, Math.Max(current.End, next.End), kind);
            }
            else
            {
                result.Add(ToFinding(text, current));
                current = next;
            }
        }

        result.Add(ToFinding(text, current));
        return result;
    }

    private static CitizenDataFinding ToFinding(string text, Candidate c) =>
        new(c.Start, c.End - c.Start, c.Kind, text.Substring(c.Start, c.End - c.Start));

    // ------------------------------------------------------------------------------------------
    // Personal identity numbers
    // ------------------------------------------------------------------------------------------

    // YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN (SE) and DDMMYY-NNNN, DDMMYYNNNN (DK).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<date>[0-9]{8}|[0-9]{6})(?<sep>[-+]?)(?<serial>[0-9]{4})(?![\p{L}\p{N}])", Options, TimeoutMs)]
    private static partial Regex SwedishDanishNumberPattern();

    // DDMMYYCZZZQ (FI), C the century sign, Q the check character.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<date>[0-9]{6})(?<century>[-+A-FU-Ya-fu-y])(?<serial>[0-9]{3})(?<check>[0-9A-Ya-y])(?![\p{L}\p{N}])", Options, TimeoutMs)]
    private static partial Regex FinnishNumberPattern();

    private static readonly string[] CprContextWords =
        ["cpr", "personnummer", "personnr", "person nr", "henkilötunnus", "hetu", "født", "fødselsdato"];

    private static void FindSwedishAndDanishNumbers(string text, List<Candidate> found)
    {
        foreach (Match m in SwedishDanishNumberPattern().Matches(text))
        {
            var date = m.Groups["date"].Value;
            var sep = m.Groups["sep"].Value;
            var serial = m.Groups["serial"].Value;
            var ten = (date.Length == 8 ? date[2..] : date) + serial;

            var swedish = IsValidSwedishDate(date) && LuhnValid(ten);
            var danish = false;
            if (!swedish && date.Length == 6 && sep != "+" && IsValidDanishDate(ten))
            {
                // Since 2007 CPR numbers need not pass modulus 11: the hyphenated form is distinctive
                // enough on its own; ten bare digits need the check or a context word nearby.
                danish = sep == "-" || Modulus11Valid(ten) || HasCprContext(text, m.Index, m.Length);
            }

            if (swedish || danish)
            {
                found.Add(new Candidate(m.Index, m.Index + m.Length, CitizenDataKind.PersonalNumber));
            }
        }
    }

    private static void FindFinnishNumbers(string text, List<Candidate> found)
    {
        const string checkChars = "0123456789ABCDEFHJKLMNPRSTUVWXY";
        foreach (Match m in FinnishNumberPattern().Matches(text))
        {
            var date = m.Groups["date"].Value;
            var century = char.ToUpperInvariant(m.Groups["century"].Value[0]);
            var serial = m.Groups["serial"].Value;
            var check = char.ToUpperInvariant(m.Groups["check"].Value[0]);

            var baseYear = century switch
            {
                '+' => 1800,
                '-' or 'U' or 'V' or 'W' or 'X' or 'Y' => 1900,
                _ => 2000, // A-F
            };
            var day = Num(date, 0, 2);
            var month = Num(date, 2, 2);
            var year = baseYear + Num(date, 4, 2);
            if (!IsDate(year, month, day))
            {
                continue;
            }

            var number = long.Parse(date + serial, System.Globalization.CultureInfo.InvariantCulture);
            if (checkChars[(int)(number % 31)] == check)
            {
                found.Add(new Candidate(m.Index, m.Index + m.Length, CitizenDataKind.PersonalNumber));
            }
        }
    }

    private static bool HasCprContext(string text, int start, int length)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, start + length + 20);
        var window = text[from..to];
        foreach (var word in CprContextWords)
        {
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidSwedishDate(string date)
    {
        int year, month, day;
        if (date.Length == 8)
        {
            year = Num(date, 0, 4);
            month = Num(date, 4, 2);
            day = Num(date, 6, 2);
            if (year < 1870 || year > 2099)
            {
                return false;
            }
        }
        else
        {
            // The century is not written; a leap year is any year divisible by four (2000 was one).
            year = 2000 + Num(date, 0, 2);
            month = Num(date, 2, 2);
            day = Num(date, 4, 2);
        }

        if (day > 60)
        {
            day -= 60; // samordningsnummer
        }

        return IsDate(year, month, day);
    }

    private static bool IsValidDanishDate(string ten)
    {
        var day = Num(ten, 0, 2);
        var month = Num(ten, 2, 2);
        var yy = Num(ten, 4, 2);
        var centuryDigit = ten[6] - '0';
        var century = centuryDigit switch
        {
            <= 3 => 1900,
            4 or 9 => yy <= 36 ? 2000 : 1900,
            _ => yy <= 57 ? 2000 : 1800,
        };
        return IsDate(century + yy, month, day);
    }

    private static bool LuhnValid(string ten)
    {
        var sum = 0;
        for (var i = 0; i < ten.Length; i++)
        {
            var d = ten[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool Modulus11Valid(string ten)
    {
        ReadOnlySpan<int> weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (ten[i] - '0') * weights[i];
        }

        return sum % 11 == 0;
    }

    private static int Num(string s, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            n = (n * 10) + (s[i] - '0');
        }

        return n;
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    // ------------------------------------------------------------------------------------------
    // E-mail
    // ------------------------------------------------------------------------------------------

    // An unbounded leading loop lets the engine search for the '@' first; the local part is checked below.
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]{1,63}(?:\.[\p{L}\p{N}\-]{1,63}){1,8}", Options, TimeoutMs)]
    private static partial Regex EmailPattern();

    private static void FindEmails(string text, List<Candidate> found)
    {
        foreach (Match m in EmailPattern().Matches(text))
        {
            var value = m.Value;
            var start = m.Index;
            var lead = 0;
            while (lead < value.Length && value[lead] is '.' or '-')
            {
                lead++;
            }

            var at = value.IndexOf('@');
            if (lead >= at || at - lead > 64)
            {
                continue;
            }

            var tld = value[(value.LastIndexOf('.') + 1)..];
            if (tld.Length < 2 || !tld.All(char.IsLetter))
            {
                continue;
            }

            found.Add(new Candidate(start + lead, m.Index + m.Length, CitizenDataKind.Email));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Phone numbers
    // ------------------------------------------------------------------------------------------

    // Separator between digit groups: a space, or a hyphen/en dash/slash with optional spaces.
    private const string Sep = @"(?:[ \u00A0]?[\-\u2013/][ \u00A0]?|[ \u00A0])";

    // +46 70 123 45 67, +45 12 34 56 78, +358 40 123 4567, 0046 ..., +46 (0)70-...
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+])(?:\+[1-9][0-9]{0,2}|00(?:45|46|47|354|358))(?:" + Sep + @"?\(0\))?" + Sep + @"?[0-9]{1,8}(?:" + Sep + @"[0-9]{1,8}){0,6}(?![\p{N}])", Options, TimeoutMs)]
    private static partial Regex InternationalPhonePattern();

    // Swedish and Finnish national numbers with trunk 0: 070-123 45 67, 08-123 456 78, 040 123 4567, (08) 123 45 67.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+])(?<![0-9][.,:\-/])(?:\(0[1-9][0-9]{0,3}\)[ \u00A0]?[0-9]{2,8}|0[1-9][0-9]{0,8})(?:" + Sep + @"[0-9]{2,8}){0,5}(?![\p{N}])", Options, TimeoutMs)]
    private static partial Regex TrunkPhonePattern();

    // Danish eight-digit numbers: 12 34 56 78, 1234 5678, 12345678, 12-34-56-78.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+])(?<![0-9][ \u00A0.,:\-/])(?:[1-9][0-9](?:[ \u00A0\-][0-9]{2}){3}|[1-9][0-9]{3}[ \u00A0][0-9]{4}|[1-9][0-9]{7})(?![\p{N}]|[ \u00A0\-.,:/][0-9])", Options, TimeoutMs)]
    private static partial Regex DanishPhonePattern();

    // A date written with separators: 03-11-2026, 3/11/26, 03 11 2026.
    [GeneratedRegex(@"^[0-9]{1,2}[ \-/.][0-9]{1,2}[ \-/.](?:[0-9]{2}|[0-9]{4})$", Options, TimeoutMs)]
    private static partial Regex SeparatedDatePattern();

    private static void FindPhones(string text, List<Candidate> found)
    {
        foreach (Match m in InternationalPhonePattern().Matches(text))
        {
            AddPhone(text, m.Index, m.Value, 8, 15, found);
        }

        foreach (Match m in TrunkPhonePattern().Matches(text))
        {
            if (!IsSeparatedDate(m.Value))
            {
                AddPhone(text, m.Index, m.Value, 8, 11, found);
            }
        }

        foreach (Match m in DanishPhonePattern().Matches(text))
        {
            var value = m.Value;
            if (value.Length == 8 && LooksLikeCompactDate(value))
            {
                continue; // 20261103, 03112026
            }

            if (value.Length == 9 && value[4] is ' ' or '\u00A0' && IsYear(value, 0) && IsYear(value, 5))
            {
                continue; // 2023 2024
            }

            AddPhone(text, m.Index, value, 8, 8, found);
        }
    }

    private static void AddPhone(string text, int start, string value, int minDigits, int maxDigits, List<Candidate> found)
    {
        // A match that runs into a following number ("070-123 45 67 12 st") loses its trailing groups.
        var length = value.Length;
        while (CountDigits(value, length) > maxDigits)
        {
            var cut = value.LastIndexOfAny([' ', '\u00A0', '-', '\u2013', '/'], length - 1);
            while (cut > 0 && value[cut - 1] is ' ' or '\u00A0' or '-' or '\u2013' or '/')
            {
                cut--;
            }

            if (cut <= 0)
            {
                return;
            }

            length = cut;
        }

        if (CountDigits(value, length) < minDigits || IsMoneyOrPercent(text, start, start + length))
        {
            return;
        }

        found.Add(new Candidate(start, start + length, CitizenDataKind.Phone));
    }

    private static int CountDigits(string value, int length)
    {
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            if (value[i] is >= '0' and <= '9')
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsSeparatedDate(string value)
    {
        if (!SeparatedDatePattern().IsMatch(value))
        {
            return false;
        }

        var parts = value.Split([' ', '-', '/', '.']);
        var day = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 && month is >= 1 and <= 12;
    }

    private static bool LooksLikeCompactDate(string eight)
    {
        var yearFirst = Num(eight, 0, 4);
        var dayFirst = Num(eight, 4, 4);
        return (yearFirst is >= 1900 and <= 2099 && IsDate(yearFirst, Num(eight, 4, 2), Num(eight, 6, 2)))
            || (dayFirst is >= 1900 and <= 2099 && IsDate(dayFirst, Num(eight, 2, 2), Num(eight, 0, 2)));
    }

    private static bool IsYear(string s, int start) => Num(s, start, 4) is >= 1900 and <= 2099;

    private static readonly string[] Currencies = ["kr", "kronor", "kroner", "sek", "dkk", "nok", "eur", "euro", "€", "$", "£", ":-", ",-", "usd"];

    private static bool IsMoneyOrPercent(string text, int start, int end)
    {
        var after = text.AsSpan(end, Math.Min(8, text.Length - end)).TrimStart();
        if (after.StartsWith("%") || after.StartsWith("procent", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("prosent", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("percent", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, start - 6), Math.Min(6, start)).TrimEnd();
        foreach (var currency in Currencies)
        {
            if (after.StartsWith(currency, StringComparison.OrdinalIgnoreCase)
                && (after.Length == currency.Length || !char.IsLetter(after[currency.Length])))
            {
                return true;
            }

            if (before.EndsWith(currency, StringComparison.OrdinalIgnoreCase)
                && (before.Length == currency.Length || !char.IsLetter(before[^(currency.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Addresses
    // ------------------------------------------------------------------------------------------

    // House number: 12, 3B, 3 b, 5 A 12 (FI staircase and flat), then a Danish floor (", 2. tv") or Swedish "3 tr".
    private const string HouseNumber =
        @"[0-9]{1,4}(?![0-9])(?:[ \u00A0]?[A-H](?![\p{L}\p{N}])(?:[ \u00A0][0-9]{1,3}(?![0-9]))?|[a-h](?![\p{L}\p{N}]))?"
        + @"(?:,?[ \u00A0](?:[0-9]{1,2}|st|kl)\.[ \u00A0]?(?:tv|th|mf|sal)(?![\p{L}\p{N}])\.?|,?[ \u00A0][0-9]{1,2}[ \u00A0]?tr(?![\p{L}\p{N}])\.?)?";

    // Storgatan 12, Kungsvägen 3B, Nørrebrogade 14, 2. tv, Østervej 3, Mannerheimintie 5 A 12, Hämeenkatu 10,
    // and standalone street words after one or two capitalised words: Frederiksberg Allé 5, H.C. Andersens Boulevard 12.
    // The match starts at the house number (digits are rare, capitals are not) and the street is captured behind it.
    [GeneratedRegex(
        @"(?<=(?<street>(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}+(?:gatan|gata|vägen|väg|gränden|gränd|torget|torg|allén|stigen|backen|leden|gången"
        + @"|vejen|vej|gade|stræde|plads|vænget|vænge|torv|allé|alle|katu|tie|kuja|polku|väylä|tori|raitti|kaari|rinne)"
        + @"|(?:\p{Lu}[\p{L}.]{0,30}[ \u00A0]){1,2}(?:Allé|Alle|Boulevard|Gade|Vej|Plads|Torv|Stræde|Gränd|Torg)))[ \u00A0]{1,3})"
        + HouseNumber,
        Options, TimeoutMs)]
    private static partial Regex NordicStreetPattern();

    // 12 Baker Street, 4 Elm Road, 221b Baker St.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])[0-9]{1,4}[A-Za-z]?[ \u00A0](?:\p{Lu}\p{Ll}+[ \u00A0]){1,3}"
        + @"(?:Street|Road|Avenue|Lane|Drive|Close|Way|Place|Square|Court|Crescent|Terrace|Grove|Gardens|Row|(?:St|Rd|Ave)\.?)(?![\p{L}\p{N}])",
        Options, TimeoutMs)]
    private static partial Regex EnglishStreetPattern();

    // 123 45 Malmö, 12345 Malmö, SE-123 45 Malmö, 2200 København N, DK-2200, 00100 Helsinki.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?<![0-9][ \u00A0.,:\-])(?:(?:SE|DK|FI|S)-)?(?<code>[1-9][0-9]{2}[ \u00A0][0-9]{2}|[0-9]{5}|[1-9][0-9]{3})"
        + @"[ \u00A0]+(?<town>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:[ \u00A0](?:NV|SV|NØ|SØ|N|S|V|K|C|Ø)(?![\p{L}\p{N}]))?",
        Options, TimeoutMs)]
    private static partial Regex PostalCodePattern();

    private static void FindAddresses(string text, List<Candidate> found)
    {
        foreach (Match m in NordicStreetPattern().Matches(text))
        {
            found.Add(new Candidate(m.Groups["street"].Index, m.Index + m.Length, CitizenDataKind.Address));
        }

        foreach (Match m in EnglishStreetPattern().Matches(text))
        {
            found.Add(new Candidate(m.Index, m.Index + m.Length, CitizenDataKind.Address));
        }

        foreach (Match m in PostalCodePattern().Matches(text))
        {
            var town = m.Groups["town"].Value;
            if (NotTownWords.Contains(town.ToLowerInvariant()))
            {
                continue; // "2024 Vi", "10000 Euro"
            }

            var code = m.Groups["code"];
            if (code.Length == 4 && IsYear(code.Value, 0) && !StartsAddressLine(text, m.Index))
            {
                continue; // "since 2023 Solgården ..." is a year, not 2000 Frederiksberg
            }

            found.Add(new Candidate(m.Index, m.Index + m.Length, CitizenDataKind.Address));
        }
    }

    private static bool StartsAddressLine(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\u00A0' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is ',' or '\n' or '\r';
    }

    // ------------------------------------------------------------------------------------------
    // Names
    // ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|[0-9]+", Options, TimeoutMs)]
    private static partial Regex TokenPattern();

    private readonly record struct Token(int Start, int End, string Lower, int Sentence, bool SentenceInitial, bool NameShaped, int NameEnd);

    private static void FindNames(string text, List<Candidate> found)
    {
        var tokens = Tokenize(text);
        var n = tokens.Count;

        // Honorific + capitalised name or initial, anywhere: Mr Smith, herr Andersson, fru K.
        for (var i = 0; i + 1 < n; i++)
        {
            if (!IsHonorific(text, tokens[i]) || tokens[i + 1].Sentence != tokens[i].Sentence || !SimpleGap(text, tokens[i], tokens[i + 1], allowDot: true))
            {
                continue;
            }

            var first = tokens[i + 1];
            if (IsInitial(text, first))
            {
                var j = i + 1;
                while (j + 1 < n && IsInitial(text, tokens[j + 1]) && tokens[j + 1].Start == tokens[j].End + 1 && text[tokens[j].End] == '.')
                {
                    j++; // fru K.L.
                }

                var end = tokens[j].End < text.Length && text[tokens[j].End] == '.' ? tokens[j].End + 1 : tokens[j].End;
                if (j + 1 < n && tokens[j + 1].NameShaped && !FunctionWords.Contains(tokens[j + 1].Lower)
                    && SimpleGap(text, tokens[j], tokens[j + 1], allowDot: true))
                {
                    end = tokens[j + 1].NameEnd; // Mr K. Smith
                }

                found.Add(new Candidate(first.Start, end, CitizenDataKind.Name));
                continue;
            }

            if (!first.NameShaped || FunctionWords.Contains(first.Lower))
            {
                continue;
            }

            var last = i + 1;
            while (last + 1 < n && last - i < 3 && tokens[last + 1].NameShaped && !FunctionWords.Contains(tokens[last + 1].Lower)
                   && SimpleGap(text, tokens[last], tokens[last + 1], allowDot: false))
            {
                last++;
            }

            found.Add(new Candidate(first.Start, tokens[last].NameEnd, CitizenDataKind.Name));
        }

        // Capitalised words (a first and last name) within three words of a care word in the same sentence.
        var candidate = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            candidate[i] = t.NameShaped && !t.SentenceInitial && !CommonWords.Contains(t.Lower)
                && !IsCareWord(t.Lower) && !IsHonorific(text, t);
        }

        for (var i = 0; i < n; i++)
        {
            if (!candidate[i] || (i > 0 && candidate[i - 1] && SimpleGap(text, tokens[i - 1], tokens[i], allowDot: false)))
            {
                continue; // not the start of a run
            }

            var last = i;
            while (last + 1 < n && candidate[last + 1] && SimpleGap(text, tokens[last], tokens[last + 1], allowDot: false))
            {
                last++;
            }

            var first = i;
            if (first > 0 && tokens[first - 1].SentenceInitial && tokens[first - 1].NameShaped
                && !CommonWords.Contains(tokens[first - 1].Lower) && !IsCareWord(tokens[first - 1].Lower)
                && !IsHonorific(text, tokens[first - 1]) && SimpleGap(text, tokens[first - 1], tokens[first], allowDot: false))
            {
                first--; // "Karl Svensson is a resident": the first name opens the sentence
            }

            if (LooksLikePlace(tokens, first, last) || !NearCareWord(tokens, first, last))
            {
                continue;
            }

            found.Add(new Candidate(tokens[first].Start, tokens[last].NameEnd, CitizenDataKind.Name));
        }

        FindFirstAndLastNames(text, tokens, found);
    }

    /// <summary>
    /// A first and last name with no care word nearby, at the start of a sentence or after any word ("Gunnel
    /// Andersson i hemtjänsten…", "hjälper vi Anna Svensson"): two capitalised words in a row, neither a common
    /// capitalised word (places, months, the programme, tools), where the first is a known first name or the
    /// second has a surname's ending (-sson, -sen, -nen, -berg, …), and the pair is not a place or an organisation.
    /// </summary>
    private static void FindFirstAndLastNames(string text, List<Token> tokens, List<Candidate> found)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var a = tokens[i];
            var b = tokens[i + 1];
            if (!a.NameShaped || !b.NameShaped || a.Sentence != b.Sentence || !SimpleGap(text, a, b, allowDot: false)
                || CommonWords.Contains(a.Lower) || CommonWords.Contains(b.Lower) || IsCareWord(a.Lower) || IsCareWord(b.Lower)
                || IsHonorific(text, a) || IsHonorific(text, b))
            {
                continue;
            }

            if (!FirstNames.Contains(a.Lower) && !HasSurnameEnding(b.Lower))
            {
                continue;
            }

            // Part of a longer run of capitalised words (a title, "Meadow View Care Home") is not a person; a word that
            // is capitalised only because it opens the sentence ("Tapasin Sirkka Lehtisen…") does not make a run.
            var before = i > 0 && tokens[i - 1].NameShaped && !tokens[i - 1].SentenceInitial && tokens[i - 1].Sentence == a.Sentence
                && SimpleGap(text, tokens[i - 1], a, allowDot: false) && !IsCareWord(tokens[i - 1].Lower) && !IsHonorific(text, tokens[i - 1]);
            var after = i + 2 < tokens.Count && tokens[i + 2].NameShaped && tokens[i + 2].Sentence == b.Sentence && SimpleGap(text, b, tokens[i + 2], allowDot: false);
            if (before || after)
            {
                continue;
            }

            // A known first name is a person even after "fra" or with a Finnish case ending ("Pekka Korhosta");
            // otherwise a preposition of place, an organisation word or a locative ending says it is a place.
            var organisationAfter = i + 2 < tokens.Count && tokens[i + 2].Sentence == b.Sentence && OrganisationNouns.Contains(tokens[i + 2].Lower);
            if (organisationAfter || (!FirstNames.Contains(a.Lower) && LooksLikePlace(tokens, i, i + 1)))
            {
                continue;
            }

            found.Add(new Candidate(a.Start, b.NameEnd, CitizenDataKind.Name));
        }
    }

    private static bool HasSurnameEnding(string lower)
    {
        if (lower.Length < 5)
        {
            return false;
        }

        foreach (var ending in SurnameEndings)
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] SurnameEndings =
    [
        // SV, DA, NO
        "sson", "son", "sen", "ssen", "berg", "ström", "strom", "lund", "qvist", "kvist", "gren", "holm", "dahl", "gaard",
        "gård", "strand", "stedt", "borg", "mark", "blad", "löf", "löv", "hed", "bäck", "sjö",
        // FI (also inflected: Korhosta, Koskisen, Lehtisen, Salosen)
        "nen", "sen", "sta", "stä", "lainen", "läinen", "mäki", "aho", "salo", "koski", "lehto", "niemi", "järvi", "la", "lä",
        "lta", "ltä", "lin",
        // EN
        "ton", "ley", "wood", "field", "ford", "worth", "ham", "well", "land", "man", "er", "ck", "son", "es", "ns", "ll", "ht", "ght",
    ];

    /// <summary>Common first names in the four languages (lower case): a capitalised word after one is taken as a surname.</summary>
    private static readonly HashSet<string> FirstNames = new(StringComparer.Ordinal)
    {
        // SV
        "anna", "eva", "maria", "karin", "kristina", "lena", "kerstin", "margareta", "elisabeth", "ingrid", "birgitta",
        "marie", "ulla", "astrid", "elsa", "ebba", "maja", "gunnel", "britt", "inger", "agneta", "monica", "sara",
        "erik", "lars", "karl", "anders", "johan", "per", "nils", "lennart", "jan", "hans", "sven", "göran", "rolf",
        "stig", "bo", "gunnar", "mikael", "peter", "bengt", "åke", "olle", "karl-erik", "ulf",
        // DA
        "karen", "kirsten", "mette", "inge", "hanne", "lone", "birthe", "grethe", "bodil", "tove", "susanne", "jette",
        "jørgen", "poul", "niels", "ole", "henning", "kim", "søren", "jens", "morten", "henrik",
        // FI
        "aino", "liisa", "eila", "raili", "helvi", "sirkka", "marjatta", "tuula", "anja", "leena", "kaarina", "pirkko",
        "matti", "pekka", "juha", "kalevi", "veikko", "esko", "eino", "jari", "toivo", "timo", "heikki", "mikko",
        // EN
        "margaret", "john", "peter", "dorothy", "susan", "eleanor", "arthur", "george", "joan", "harold", "rose",
        "frank", "betty", "albert", "edith", "walter", "irene", "stanley", "gladys", "mary", "james", "william",
        "elizabeth", "david", "robert", "michael", "patricia", "jennifer", "thomas", "charles", "joseph",
    };

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var sentence = 0;
        var previousEnd = 0;
        string? previousLower = null;
        foreach (Match m in TokenPattern().Matches(text))
        {
            var gap = text.AsSpan(previousEnd, m.Index - previousEnd);
            var initial = previousLower is null || OpensClause(gap);
            if (previousLower is not null && EndsSentence(gap, previousLower))
            {
                sentence++;
                initial = true;
            }

            var value = m.Value;
            var nameEnd = m.Index + m.Length;
            if (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal))
            {
                value = value[..^2];
                nameEnd -= 2;
            }

            var lower = value.ToLowerInvariant();
            tokens.Add(new Token(m.Index, m.Index + m.Length, lower, sentence, initial, IsNameShaped(value), nameEnd));
            previousEnd = m.Index + m.Length;
            previousLower = lower;
        }

        return tokens;
    }

    /// <summary>A capital after a colon or an opening quote starts speech or a list item, not a name.</summary>
    private static bool OpensClause(ReadOnlySpan<char> gap) =>
        gap.IndexOfAny(":\"“„«»‘") >= 0;

    private static bool EndsSentence(ReadOnlySpan<char> gap, string previousLower)
    {
        if (gap.IndexOfAny("\n\r!?|;") >= 0)
        {
            return true;
        }

        if (gap.IndexOfAny('.', '…') < 0 || gap.IndexOfAny(' ', '\t', '\u00A0') < 0)
        {
            return false; // no full stop, or "14.30", "t.ex"
        }

        // A full stop after an abbreviation or an initial does not end the sentence.
        return !((previousLower.Length == 1 && char.IsLetter(previousLower[0])) || Abbreviations.Contains(previousLower));
    }

    private static bool IsNameShaped(string value)
    {
        if (value.Length < 2 || !char.IsUpper(value[0]))
        {
            return false;
        }

        // Anna, McDonald, Anna-Lena, O'Brien; not PDSA, PDSA-cykeln or I'm.
        if (!char.IsLower(value[1]) && !(value[1] is '\'' or '’' && value.Length >= 4 && char.IsUpper(value[2])))
        {
            return false;
        }

        var hasLower = false;
        foreach (var c in value.AsSpan(1))
        {
            if (char.IsLower(c))
            {
                hasLower = true;
            }
            else if (!char.IsLetter(c) && c is not '-' and not '\'' and not '’' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                return false;
            }
        }

        return hasLower;
    }

    private static bool IsInitial(string text, Token t) =>
        t.End - t.Start == 1 && char.IsUpper(text[t.Start]);

    private static bool SimpleGap(string text, Token a, Token b, bool allowDot)
    {
        var gap = text.AsSpan(a.End, b.Start - a.End);
        if (gap.Length == 0)
        {
            return false;
        }

        var dotSeen = false;
        foreach (var c in gap)
        {
            if (c is ' ' or '\u00A0')
            {
                continue;
            }

            if (allowDot && c == '.' && !dotSeen)
            {
                dotSeen = true;
                continue;
            }

            return false;
        }

        return !dotSeen || gap[0] == '.';
    }

    private static bool IsHonorific(string text, Token t)
    {
        var word = text.AsSpan(t.Start, t.End - t.Start);
        if (EnglishHonorificLookup.Contains(word))
        {
            return true; // case-sensitive: Mr, Mrs, Ms, Miss ("miss" is a verb)
        }

        return NordicHonorifics.Contains(t.Lower) && !(word.Length > 1 && char.IsUpper(word[1])); // not "HR"
    }

    private static bool NearCareWord(List<Token> tokens, int first, int last)
    {
        var sentence = tokens[first].Sentence;
        for (var j = Math.Max(0, first - 3); j <= Math.Min(tokens.Count - 1, last + 3); j++)
        {
            if ((j < first || j > last) && tokens[j].Sentence == sentence && IsCareWord(tokens[j].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikePlace(List<Token> tokens, int first, int last)
    {
        // "in Rosenhaven", "på Solgården", "Plejecenter Solgården", "Malmö kommun", "Helsingissä".
        if (first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence
            && (LocativePrepositions.Contains(tokens[first - 1].Lower) || OrganisationNouns.Contains(tokens[first - 1].Lower)))
        {
            return true;
        }

        if (last + 1 < tokens.Count && tokens[last + 1].Sentence == tokens[last].Sentence && OrganisationNouns.Contains(tokens[last + 1].Lower))
        {
            return true;
        }

        for (var i = first; i <= last; i++)
        {
            var w = tokens[i].Lower;
            if (w.Length > 4 && !LocativeLookingNames.Contains(w) && (w.EndsWith("ssa", StringComparison.Ordinal) || w.EndsWith("ssä", StringComparison.Ordinal)
                || w.EndsWith("sta", StringComparison.Ordinal) || w.EndsWith("stä", StringComparison.Ordinal)))
            {
                return true; // Finnish inessive/elative: a place
            }
        }

        return false;
    }

    private static bool IsCareWord(string lower)
    {
        if (CareWords.Contains(lower))
        {
            return true;
        }

        foreach (var prefix in CareWordPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Word lists (lower case)
    // ------------------------------------------------------------------------------------------

    private static readonly HashSet<string> EnglishHonorifics = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Miss", "Mx",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishHonorificLookup =
        EnglishHonorifics.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> NordicHonorifics = new(StringComparer.Ordinal)
    {
        "fru", "herr", "hr", "frk", "fröken", "rouva", "herra", "neiti",
    };

    private static readonly HashSet<string> CareWords = new(StringComparer.Ordinal)
    {
        // EN
        "citizen", "citizens", "resident", "residents", "patient", "patients", "client", "clients", "user", "users",
        "relative", "relatives", "daughter", "daughters", "son", "sons", "wife", "wives", "husband", "husbands",
        "mother", "father", "sister", "brother", "grandmother", "grandfather", "granddaughter", "grandson",
        "niece", "nephew", "neighbour", "neighbor", "spouse", "widow", "widower", "woman", "lady", "gentleman",
        // SV
        "boende", "boendes", "dotter", "dottern", "dotterns", "döttrar", "döttrarna", "sonen", "sonens", "söner", "sönerna",
        "fru", "frun", "frus", "herr", "hustru", "hustrun", "maka", "makan", "maken", "mamma", "pappa", "mormor", "morfar",
        "farmor", "farfar", "syster", "systern", "bror", "brodern", "granne", "grannen", "sambo", "sambon", "kvinnan", "mannen",
        // DA
        "datter", "datteren", "døtre", "døtrene", "søn", "sønnen", "sønner", "sønnerne", "fruen", "hr", "hustruen",
        "ægtefælle", "ægtefællen", "mor", "moren", "søster", "søsteren", "broren", "nabo", "naboen", "kvinden", "manden",
        // FI
        "isä", "isän", "isänsä", "isälle", "isää", "rouva", "herra", "vaimo", "vaimon", "vaimonsa", "puoliso", "puolison",
        "naapuri", "naapurin",
    };

    private static readonly string[] CareWordPrefixes =
    [
        // SV
        "brukare", "brukarn", "medborgar", "omsorgstagar", "vårdtagar", "patient", "anhörig",
        // DA
        "borger", "beboer", "pårørende",
        // FI
        "asiakas", "asiakkaa", "asiakkai", "asukas", "asukkaa", "asukkai", "potilas", "potilaa", "potilai",
        "omainen", "omaise", "omaisi", "omaist", "tytär", "tyttär", "poika", "poja", "poikie", "kuntalai",
        "vanhus", "vanhukse", "vanhuks", "äiti", "äidi",
    ];

    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "from", "of", "near", "within", "into", "i", "på", "från", "av", "vid", "fra", "af", "ved",
    };

    private static readonly HashSet<string> LocativeLookingNames = new(StringComparer.Ordinal)
    {
        "vanessa", "melissa", "larissa", "clarissa", "marissa", "alyssa", "krista", "christa", "kirsta", "costa", "augusta",
    };

    private static readonly HashSet<string> OrganisationNouns = new(StringComparer.Ordinal)
    {
        "kommun", "kommuns", "kommune", "kommunes", "kunta", "kunnan", "kaupunki", "kaupungin", "stad", "stads",
        "region", "regionen", "regionens", "municipality", "council", "county", "hospital", "sjukhus", "sygehus",
        "sairaala", "care", "nursing", "äldreboende", "plejecenter", "plejehjem", "hoivakoti", "palvelutalo", "vårdcentral",
        "centre", "center", "centrum",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "hr", "fr", "frk", "kl", "ca", "nr", "st", "ex", "bl", "fx", "eks", "esim", "mm", "ym",
        "jne", "etc", "vs", "prof", "resp", "jfr", "jf", "osv", "mv", "tlf", "tel", "puh", "ns", "ev", "evt",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        // EN
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "to", "for", "with", "from", "by", "as", "is", "was",
        "be", "it", "its", "this", "that", "these", "those", "there", "then", "than", "he", "she", "they", "we", "you",
        "i", "me", "my", "our", "his", "her", "their", "them", "us", "him", "who", "what", "when", "where", "why", "how",
        "which", "if", "so", "no", "not", "yes", "after", "before", "during", "today", "yesterday", "tomorrow", "also",
        "all", "some", "one", "two", "three", "every", "each", "another", "other", "here", "now", "later", "next", "last",
        "first", "because", "while", "although", "however", "maybe", "perhaps", "thanks", "thank", "dear", "hello", "hi",
        "ok", "okay", "said", "says", "asked", "told", "has", "had", "have", "did", "does", "will", "would", "could",
        "should", "can", "may", "might", "must", "about", "again", "still", "very", "just", "only", "even", "too",
        "sir", "madam",
        // SV
        "och", "att", "det", "den", "de", "en", "ett", "jag", "du", "han", "hon", "vi", "ni", "dem", "oss", "hans",
        "hennes", "deras", "min", "mitt", "mina", "din", "ditt", "vår", "vårt", "våra", "på", "med", "för", "till",
        "från", "av", "om", "men", "eller", "som", "när", "där", "här", "nu", "sedan", "efter", "innan", "under", "idag",
        "igår", "imorgon", "hej", "tack", "också", "alla", "någon", "några", "inte", "ja", "nej", "så", "då", "vad", "hur",
        "varför", "vem", "vilken", "vilket", "vilka", "denna", "detta", "dessa", "kanske", "därför", "dock", "sa", "sade",
        "frågade", "berättade", "ville", "var", "är", "har", "hade", "kan", "kunde", "ska", "skulle", "vill", "fick",
        "sin", "sitt", "sina", "hos", "vid", "mot", "utan", "mycket", "lite", "bara",
        // DA
        "og", "jeg", "hun", "os", "hendes", "mit", "mine", "dit", "vores", "jeres", "fra", "af", "når", "hvor", "siden",
        "før", "tak", "alle", "nogen", "nogle", "ikke", "hvad", "hvordan", "hvorfor", "hvem", "hvilken", "denne", "dette",
        "disse", "måske", "derfor", "sagde", "spurgte", "fortalte", "ville", "kunne", "skulle", "har", "havde", "blev",
        "sit", "sine", "hos", "ved", "mod", "uden", "meget", "lidt", "kun", "også", "går", "morgen", "dag", "aften",
        // FI
        "ja", "tai", "mutta", "että", "kun", "se", "ne", "hän", "he", "minä", "sinä", "me", "te", "mä", "sä", "tämä",
        "tuo", "nämä", "joka", "jotka", "mikä", "kuka", "miten", "miksi", "missä", "nyt", "sitten", "myös", "ei", "kyllä",
        "eilen", "tänään", "huomenna", "hei", "kiitos", "kaikki", "joku", "jokin", "koska", "vaikka", "siksi", "meidän",
        "minun", "hänen", "heidän", "sen", "niin", "sanoi", "kysyi", "kertoi", "halusi", "oli", "on", "ovat", "olivat",
        "kanssa", "ilman", "vain", "paljon", "vähän",
    };

    /// <summary>Capitalised words that are not a town after a postal code ("2024 Vi", "10000 Euro").</summary>
    private static readonly HashSet<string> NotTownWords = BuildNotTownWords();

    /// <summary>Capitalised words that are not a citizen's name.</summary>
    private static readonly HashSet<string> CommonWords = BuildCommonWords();

    private static HashSet<string> BuildCommonWords()
    {
        var words = new HashSet<string>(NotTownWords, StringComparer.Ordinal);
        string[] places =
        [
            // Countries, regions, languages and nationalities
            "sweden", "sverige", "denmark", "danmark", "finland", "suomi", "suomen", "norway", "norge", "iceland", "island",
            "europe", "europa", "eu", "nordic", "norden", "scandinavia", "skandinavien", "english", "swedish", "danish",
            "finnish", "norwegian", "svenska", "svensk", "svenske", "danska", "dansk", "danske", "finska", "finsk", "finske",
            "suomea", "suomeksi", "ruotsi", "ruotsia", "ruotsiksi", "tanska", "engelska", "engelsk", "engelske", "englanti",
            "englantia", "englanniksi", "arabic", "arabiska", "arabisk", "somali", "somaliska", "ukrainian", "ukrainska",
            "polish", "polska", "persian", "persiska", "turkish", "turkiska",
            // Cities
            "stockholm", "göteborg", "gothenburg", "malmö", "uppsala", "linköping", "örebro", "västerås", "helsingborg",
            "lund", "umeå", "københavn", "copenhagen", "aarhus", "århus", "odense", "aalborg", "esbjerg", "roskilde",
            "helsinki", "helsingfors", "helsingin", "espoo", "espoon", "tampere", "tampereen", "turku", "turun", "åbo",
            "vantaa", "vantaan", "oulu", "oulun", "jyväskylä", "lahti", "kuopio",
        ];
        foreach (var word in places)
        {
            words.Add(word);
        }

        words.UnionWith(OrganisationNouns); // "Aarhus Kommune", "Region Skåne"

        return words;
    }

    private static HashSet<string> BuildNotTownWords()
    {
        var words = new HashSet<string>(FunctionWords, StringComparer.Ordinal);
        string[] calendar =
        [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
            "januari", "februari", "mars", "maj", "juni", "juli", "augusti", "oktober",
            "mandag", "tirsdag", "lørdag", "søndag", "januar", "februar", "marts",
            "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai",
            "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu", "syyskuu",
            "lokakuu", "marraskuu", "joulukuu",
            "christmas", "easter", "jul", "påsk", "påske", "midsommar", "midsommer", "nyår", "nytår", "joulu", "juhannus",
            "pääsiäinen", "advent",
        ];
        string[] suffixes = ["", "s", "en", "ens", "e", "ar", "arna", "na", "sin", "n", "ssa", "sta", "hun", "hin", "lle", "lla", "ta", "ksi", "aan", "ina"];
        foreach (var word in calendar)
        {
            foreach (var suffix in suffixes)
            {
                words.Add(word + suffix);
            }
        }

        string[] other =
        [
            // The programme, tools and other words written with a capital
            "change", "agent", "agents", "academy", "lean", "module", "modul", "moduuli", "kaizen", "teams", "zoom", "excel",
            "word", "outlook", "google", "microsoft", "padlet", "mentimeter", "covid", "corona", "alzheimer", "alzheimers",
            "parkinson", "parkinsons", "down", "downs", "god", "gud", "jumala", "internet", "wifi", "mum", "mom", "dad",
            "euro", "euros", "kronor", "kroner", "kr", "reflection", "reflektion", "refleksion", "pohdinta", "group", "team",
            "project", "projekt", "programme", "program", "unit", "app",
        ];
        foreach (var word in other)
        {
            words.Add(word);
        }

        return words;
    }
}
