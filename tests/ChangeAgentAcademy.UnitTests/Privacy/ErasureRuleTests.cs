using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Services;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>A person withdraws their own erasure request only while it waits; every other state is refused with its own reason.</summary>
public sealed class ErasureRuleTests
{
    [Fact]
    public void AWaitingRequest_CanBeWithdrawn()
    {
        Assert.True(ErasureRules.CanWithdraw(ErasureStatus.Waiting));
        Assert.Null(ErasureRules.WithdrawRefusal(ErasureStatus.Waiting));
    }

    [Theory]
    [InlineData(ErasureStatus.Erasing, "WithdrawRefusedErasing")]
    [InlineData(ErasureStatus.Done, "WithdrawRefusedDone")]
    [InlineData(ErasureStatus.Withdrawn, "WithdrawRefusedWithdrawn")]
    public void ARequestNoLongerWaiting_IsRefused_WithItsReason(ErasureStatus status, string reason)
    {
        Assert.False(ErasureRules.CanWithdraw(status));
        Assert.Equal(reason, ErasureRules.WithdrawRefusal(status));
    }

    [Fact]
    public void EveryState_IsEitherWithdrawableOrHasAReason()
    {
        foreach (var status in Enum.GetValues<ErasureStatus>())
        {
            Assert.True(ErasureRules.CanWithdraw(status) ^ ErasureRules.WithdrawRefusal(status) is not null, status.ToString());
        }
    }
}
