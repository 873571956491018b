using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>Creating and changing cohorts: the form's rules, the trainers (separation of duties), the audit. Places are <see cref="EnrolmentService"/>'s.</summary>
public sealed class CohortService(DbContext db, EnrolmentService enrolment, INotifier notifier, ProgrammeTime time, TimeProvider clock, IStringLocalizer<CohortsText> S, IStringLocalizer<SharedText> T)
{
    /// <summary>
    /// What is wrong with the form, as (field, localized message) pairs in the order the page shows them.
    /// <paramref name="existingId"/> is the cohort being changed (null for a new one); <paramref name="actor"/> may not make themself its trainer.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(CohortFormViewModel model, Guid? existingId, Guid actor, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        if (!ProgrammeOptions.IsSupported(model.Language))
        {
            errors.Add((nameof(model.Language), S["ChooseLanguage"]));
        }

        // A new start date in the past is refused; an existing cohort may keep the date it already had.
        var existingStart = existingId is { } id ? await db.Set<Cohort>().Where(c => c.Id == id).Select(c => (DateOnly?)c.StartDate).FirstOrDefaultAsync(ct) : null;
        if (model.StartDate is { } start && start < time.Today && start != existingStart)
        {
            errors.Add((nameof(model.StartDate), S["StartInPast"]));
        }

        if (!string.IsNullOrWhiteSpace(model.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(model.TimeZone.Trim(), out _))
        {
            errors.Add((nameof(model.TimeZone), S["UnknownTimeZone", model.TimeZone]));
        }

        if (!Enum.IsDefined(model.CadenceDay) || !Enum.IsDefined(model.Track) || !Enum.IsDefined(model.Status))
        {
            errors.Add((string.Empty, S["ChooseFromList"]));
        }

        model.TrainerIds = model.TrainerIds.Distinct().ToList();
        var trainerIds = CohortPages.TrainerIds(db);
        var valid = await db.Set<AppUser>().CountAsync(u => model.TrainerIds.Contains(u.Id) && trainerIds.Contains(u.Id), ct);
        if (model.TrainerIds.Count == 0 || valid != model.TrainerIds.Count)
        {
            errors.Add((nameof(model.TrainerIds), S["ChooseTrainers"]));
        }

        if (existingId is { } cohortId)
        {
            if (model.Capacity < await db.Set<CohortMember>().CountAsync(m => m.CohortId == cohortId && m.Status == MemberStatus.Enrolled, ct))
            {
                errors.Add((nameof(model.Capacity), S["CapacityBelowEnrolled"]));
            }

            // Separation of duties (AccessGrants): a trainer place opens the cohort's reflections; nobody takes one themself.
            var before = await db.Set<CohortTrainer>().Where(x => x.CohortId == cohortId).Select(x => x.UserId).ToListAsync(ct);
            if (model.TrainerIds.Except(before).Contains(actor))
            {
                errors.Add((nameof(model.TrainerIds), T["CannotGrantYourself"]));
            }
        }

        return errors;
    }

    /// <summary>A new, open cohort from a valid form (<see cref="ValidateAsync"/>); its id.</summary>
    public async Task<Result<Guid>> CreateAsync(CohortFormViewModel model, Guid? actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cohort = new Cohort { Id = Guid.NewGuid(), CreatedUtc = now, Status = CohortStatus.Open };
        Apply(model, cohort);
        db.Set<Cohort>().Add(cohort);
        db.Set<CohortTrainer>().AddRange(model.TrainerIds.Distinct().Select(id => new CohortTrainer { CohortId = cohort.Id, UserId = id }));
        db.AddAudit(now, actor, "cohorts.created", cohort.Id.ToString(), cohort.Name);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(cohort.Id);
    }

    /// <summary>
    /// Saves a valid form over the cohort, its trainers replaced, in one transaction; each new trainer is audited and the
    /// cohort's other trainers are told (<paramref name="link"/> is the cohort's page). More places than before move the
    /// waiting list up now, not at the next withdrawal.
    /// </summary>
    public async Task<Result> UpdateAsync(Guid id, CohortFormViewModel model, Guid actor, string link, CancellationToken ct = default)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (cohort is null)
            {
                return Result.NotFound();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var before = await db.Set<CohortTrainer>().Where(x => x.CohortId == id).Select(x => x.UserId).ToListAsync(ct);
            var added = model.TrainerIds.Distinct().Except(before).ToList();
            Apply(model, cohort);
            cohort.Status = model.Status;
            await db.Set<CohortTrainer>().Where(x => x.CohortId == id).ExecuteDeleteAsync(ct);
            db.Set<CohortTrainer>().AddRange(model.TrainerIds.Distinct().Select(u => new CohortTrainer { CohortId = id, UserId = u }));
            foreach (var trainer in added)
            {
                db.AddAudit(now, actor, "cohorts.trainer-added", id.ToString(), trainer.ToString());
                await AccessGrants.NotifyAsync(db, notifier, T, before, AccessGrants.Kind.CohortTrainer, id.ToString(), cohort.Name, trainer, actor, link, now, ct);
            }

            db.AddAudit(now, actor, "cohorts.updated", id.ToString(), cohort.Name);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await enrolment.FillFreePlacesAsync(id, actor, ct);
        return Result.Success();
    }

    private static void Apply(CohortFormViewModel model, Cohort cohort)
    {
        cohort.Name = model.Name!.Trim();
        cohort.Language = model.Language!;
        cohort.Track = model.Track;
        cohort.StartDate = model.StartDate!.Value;
        cohort.CadenceWeeks = model.CadenceWeeks;
        cohort.CadenceDay = model.CadenceDay;
        cohort.ReleaseTime = model.ReleaseTime!.Value;
        cohort.TimeZone = model.TimeZone!.Trim();
        cohort.Capacity = model.Capacity;
    }
}
