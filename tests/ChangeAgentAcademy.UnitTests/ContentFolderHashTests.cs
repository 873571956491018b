using ChangeAgentAcademy.Curriculum.Services;
using Xunit;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The content folder's fingerprint (issue 18, cold start): the same files give the same value; any change, addition, removal or rename gives another.</summary>
public sealed class ContentFolderHashTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "caa-hash", Guid.NewGuid().ToString("N"));

    public ContentFolderHashTests()
    {
        Write("en/m1/module.md", "---\nid: m1\n---\nIntro.\n");
        Write("en/m1/l1-one.md", "---\nid: l1-one\n---\nBody one.\n");
        Write("sv/m1/l1-one.md", "---\nid: l1-one\n---\nText ett.\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void SameFiles_SameFingerprint_EvenWithNewTimes()
    {
        var before = ContentFolderHash.Of(root);
        File.SetLastWriteTimeUtc(Path.Combine(root, "en/m1/l1-one.md"), DateTime.UtcNow.AddDays(1));

        Assert.Equal(64, before!.Length);
        Assert.Equal(before, ContentFolderHash.Of(root));
    }

    [Fact]
    public void OneByteChanged_SameSizeAndTime_OtherFingerprint()
    {
        var file = Path.Combine(root, "en/m1/l1-one.md");
        var time = File.GetLastWriteTimeUtc(file);
        var before = ContentFolderHash.Of(root);
        Write("en/m1/l1-one.md", "---\nid: l1-one\n---\nBody two.\n");
        File.SetLastWriteTimeUtc(file, time);

        Assert.NotEqual(before, ContentFolderHash.Of(root));
    }

    [Fact]
    public void FileAdded_OtherFingerprint_EvenAnEmptyOneDeepDown()
    {
        var before = ContentFolderHash.Of(root);
        Write("en/m1/pictures/.keep", "");

        Assert.NotEqual(before, ContentFolderHash.Of(root));
    }

    [Fact]
    public void FileRemoved_OtherFingerprint()
    {
        var before = ContentFolderHash.Of(root);
        File.Delete(Path.Combine(root, "sv/m1/l1-one.md"));

        Assert.NotEqual(before, ContentFolderHash.Of(root));
    }

    [Fact]
    public void FileRenamed_SameBytes_OtherFingerprint()
    {
        var before = ContentFolderHash.Of(root);
        File.Move(Path.Combine(root, "en/m1/l1-one.md"), Path.Combine(root, "en/m1/l1-two.md"));

        Assert.NotEqual(before, ContentFolderHash.Of(root));
    }

    [Fact]
    public void BytesMovedBetweenPathAndText_OtherFingerprint()
    {
        // Lengths are part of each entry, so "ab" + "c" never reads as "a" + "bc".
        var other = Path.Combine(Path.GetTempPath(), "caa-hash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(other);
        try
        {
            File.WriteAllText(Path.Combine(other, "ab"), "c");
            var first = ContentFolderHash.Of(other);
            File.Delete(Path.Combine(other, "ab"));
            File.WriteAllText(Path.Combine(other, "a"), "bc");

            Assert.NotEqual(first, ContentFolderHash.Of(other));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void NoFolder_NoFingerprint() => Assert.Null(ContentFolderHash.Of(Path.Combine(root, "missing")));
}
