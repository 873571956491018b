using ChangeAgentAcademy.Privacy.Data;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// What a person may do with their own erasure request: withdraw it only while it waits for the officer; once an
/// erasure has claimed it, or it is done or already withdrawn, the refusal says which (a text key of the module).
/// </summary>
public static class ErasureRules
{
    public static bool CanWithdraw(ErasureStatus status) => status == ErasureStatus.Waiting;

    /// <summary>Why a request in <paramref name="status"/> cannot be withdrawn (a text key); null when it can.</summary>
    public static string? WithdrawRefusal(ErasureStatus status) => status switch
    {
        ErasureStatus.Waiting => null,
        ErasureStatus.Erasing => "WithdrawRefusedErasing",
        ErasureStatus.Done => "WithdrawRefusedDone",
        ErasureStatus.Withdrawn => "WithdrawRefusedWithdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
