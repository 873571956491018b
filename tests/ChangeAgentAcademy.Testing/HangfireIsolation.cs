using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeAgentAcademy.Testing;

/// <summary>
/// Lets several sites run in one test process at once. Hangfire's <c>AddHangfire</c> configures the
/// process-wide <see cref="GlobalConfiguration"/> (which sets <see cref="JobStorage.Current"/> and
/// <see cref="JobActivator.Current"/>) and later reads those statics back as the host's singletons: two hosts
/// starting together could each take the other's storage or activator. Here each host configures and reads
/// them in one step under a process-wide lock, so every site keeps its own storage and activator for its life.
/// Test-only: the site registers Hangfire as in production, this only wraps the three registrations.
/// </summary>
public static class HangfireIsolation
{
    private static readonly Lock Gate = new();

    public static void Isolate(IServiceCollection services)
    {
        var configuration = services.LastOrDefault(d => d.ServiceType == typeof(IGlobalConfiguration));
        if (configuration?.ImplementationFactory is not { } configure)
        {
            return;
        }

        services.RemoveAll<IGlobalConfiguration>();
        services.AddSingleton(sp =>
        {
            lock (Gate)
            {
                var global = (IGlobalConfiguration)configure(sp);
                return new Binding(global, JobStorage.Current, JobActivator.Current);
            }
        });
        services.AddSingleton(sp => sp.GetRequiredService<Binding>().Configuration);
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<Binding>().Storage));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<Binding>().Activator));
    }

    private sealed record Binding(IGlobalConfiguration Configuration, JobStorage Storage, JobActivator Activator);
}
