using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// The content folder's fingerprint: SHA-256 over every file under it (any name, any depth, hidden ones too), in
/// ordinal order of the relative path, each as its path, length and bytes; and the importer's own build, so a new
/// release of the importer reads the files once more. Bytes rather than sizes and times: a checkout, a copy or an
/// editor that keeps a file's size and time can never hide a change. Reading the ~200 files costs a few milliseconds.
/// </summary>
public static class ContentFolderHash
{
    /// <summary>Changes when what a fingerprint covers changes.</summary>
    private const string Format = "content-folder-v1";

    /// <summary>The fingerprint, or null when <paramref name="root"/> is not a folder.</summary>
    public static string? Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Format));
        hash.AppendData(typeof(ContentFolderHash).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        Span<byte> length = stackalloc byte[8];
        foreach (var (relative, full) in files)
        {
            var name = Encoding.UTF8.GetBytes(relative);
            BinaryPrimitives.WriteInt64LittleEndian(length, name.Length);
            hash.AppendData(length);
            hash.AppendData(name);
            var bytes = File.ReadAllBytes(full);
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
