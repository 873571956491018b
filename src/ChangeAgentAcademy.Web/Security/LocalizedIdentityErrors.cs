using ChangeAgentAcademy.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>Identity's messages (password rules, duplicate e-mail, bad token) in the person's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedText> T) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = T["Identity." + code, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? "");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidEmail), userName ?? "");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError UserLockoutNotEnabled() => E(nameof(DefaultError));
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
}
