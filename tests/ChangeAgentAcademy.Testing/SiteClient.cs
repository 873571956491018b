using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Testing;

/// <summary>An HTTP client that keeps cookies, does not follow redirects, and posts forms with their antiforgery token.</summary>
public sealed partial class SiteClient(HttpClient http)
{
    public const string DemoPassword = "Demo-Academy-2026!";
    public const string TestPassword = "Test-Password-2026!";

    public HttpClient Http { get; } = http;

    public static SiteClient For(SiteFactory site) =>
        new(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<SiteClient> SignedInAsync(SiteFactory site, string email, string password = DemoPassword)
    {
        var client = For(site);
        var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetStringAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/account/signin", "/account/signin", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetStringAsync(formPage);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        }

        var body = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetStringAsync(formPage);
        var token = TokenPattern().Match(page);
        var body = fields.ToList();
        body.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery request token of the first form on <paramref name="formPage"/> (its cookie stays in this client).</summary>
    public async Task<string> TokenAsync(string formPage) =>
        TokenIn(await GetStringAsync(formPage)) ?? throw new InvalidOperationException($"No antiforgery token on {formPage}.");

    /// <summary>The antiforgery request token of the first form in <paramref name="html"/>, or null when it has none.</summary>
    public static string? TokenIn(string html)
    {
        var token = TokenPattern().Match(html);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Test data in one line: a person with roles (and optionally a team).</summary>
public static class TestData
{
    public static Task<AppUser> PersonAsync(this SiteFactory site, string role, Guid? teamId = null, string language = "en") =>
        site.WithScopeAsync(async (sp, db) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
            var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role, Language = language, TeamId = teamId, CreatedUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, SiteClient.TestPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            return user;
        });
}
