namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>A table holding an address, with no person key.</summary>
public sealed class FakeContact
{
    public int Id { get; set; }

    public string Email { get; set; } = "";
}
