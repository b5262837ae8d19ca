namespace Forum.Core.Digests;

public sealed class DigestPreferencesService(IDigestStore digests)
{
    public async Task<Outcome<bool>> UpdateAsync(long userId, string? frequency, int hour, CancellationToken ct)
    {
        var errors = DigestRules.CheckPreferences(frequency, hour).ToList();
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        DigestRules.TryParse(frequency, out var parsed);
        return await digests.SetPreferencesAsync(userId, new DigestPreferences(parsed, hour), ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Refused(Refusal.NotFound("That member no longer exists."));
    }

    public async Task<Outcome<bool>> ChangeFrequencyAsync(long userId, string? frequency, CancellationToken ct)
    {
        if (!DigestRules.TryParse(frequency, out var parsed))
            return Outcome<bool>.Refused(new FieldError("Frequency", "Choose how often to receive the summary."));
        return await digests.SetFrequencyAsync(userId, parsed, ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Refused(Refusal.NotFound("That member no longer exists."));
    }
}
