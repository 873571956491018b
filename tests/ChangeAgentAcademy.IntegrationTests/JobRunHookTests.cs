using System.Net;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Web.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

public sealed class JobRunHookSite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunNowHook", "true")];
}

/// <summary>
/// The test-only job hook tests/two-nodes.sh uses (<see cref="JobRunHook"/>): absent unless <c>Jobs:RunNowHook</c>
/// is set, and even then it answers loopback callers only (the in-process test client has no address).
/// </summary>
public sealed class JobRunHookTests(SqliteSite site, JobRunHookSite hooked) : IClassFixture<SqliteSite>, IClassFixture<JobRunHookSite>
{
    private static bool Mapped(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == JobRunHook.Pattern);

    [Fact]
    public async Task ByDefault_TheHookIsNotMapped_AndItsAddressRunsNothing()
    {
        // An unknown address posted anonymously is sent to the sign-in page, as any other.
        var response = await site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostAsync("/test-hooks/jobs/notifications:outbox", null);

        Assert.False(Mapped(site.Services));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SwitchedOn_TheHookIsMapped_ButRefusesACallerThatIsNotLoopback()
    {
        var response = await hooked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostAsync("/test-hooks/jobs/notifications:outbox", null);

        Assert.True(Mapped(hooked.Services));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
