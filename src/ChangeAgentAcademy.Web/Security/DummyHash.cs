using ChangeAgentAcademy.Data;
using Microsoft.AspNetCore.Identity;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>A hash of a random password, made once, so a sign-in without a real hash to check costs the same as one with.</summary>
public static class DummyHash
{
    private static string? hash;

    public static string For(IPasswordHasher<AppUser> hasher) =>
        hash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
