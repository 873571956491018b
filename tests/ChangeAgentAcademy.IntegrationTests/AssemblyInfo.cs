// Hangfire keeps process-wide state (JobStorage.Current, its log provider): one site at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
