using System.Collections.Concurrent;
using ChangeAgentAcademy.Data;
using Microsoft.AspNetCore.Identity;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// A hash of a random password, made once per iteration count, so a sign-in without a real hash to check costs
/// the same as one with (verification costs what the hash's own iteration count says, so the count must match).
/// </summary>
public static class DummyHash
{
    private static readonly ConcurrentDictionary<int, string> Hashes = new();

    public static string For(IPasswordHasher<AppUser> hasher, int iterations) =>
        Hashes.GetOrAdd(iterations, _ => hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
}
