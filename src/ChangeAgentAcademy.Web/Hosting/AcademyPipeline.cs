using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Hosting;

public static class AcademyPipeline
{
    public const string NodeHeader = "X-Node";

    public static WebApplication UseAcademy(this WebApplication app)
    {
        // The start-up's database work (migrations, key ring, imports) begins now, on another core, while the rest of
        // this method builds the pipeline and the controllers' endpoints; the host waits for it before it listens.
        app.Services.GetRequiredService<SiteInitializer>().Begin();
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;

        // Several nodes behind a proxy: each answer names the node that made it (operations, and the two-node test).
        if (!string.IsNullOrWhiteSpace(site.NodeId))
        {
            var node = site.NodeId.Trim();
            app.Use((context, next) =>
            {
                context.Response.Headers[NodeHeader] = node;
                return next(context);
            });
        }

        // Forwarded headers are believed only from configured proxies; with none configured they are ignored.
        if (site.KnownProxies.Count + site.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        // Bad input never shows a stack trace: exceptions and empty 4xx answers get a readable, localized page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<SecurityHeaders>();
        // Only over HTTPS (directly or through a configured proxy); never for localhost.
        app.UseHsts();

        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // After routing, so an endpoint may allow a larger body ([RequestSizeLimit], e.g. the people import).
        app.Use(async (context, next) =>
        {
            var allowed = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? security.MaxRequestBodyBytes;
            // The re-executed error page sees the same request: let it through to render.
            if (context.Request.ContentLength > allowed && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = allowed;
            }

            await next(context);
        });
        app.UseMiddleware<InputGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // Anonymous callers (load balancers) learn healthy or not; administrators also see each check.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
            {
                // Access is decided by the endpoint's policy below (sign-in redirect, then 403); nothing more here.
                Authorization = [],
                AppPath = "/",
                DisplayStorageConnectionString = false,
                DashboardTitle = "Change Agent Academy: background jobs",
            })
            .RequireAuthorization(Permission.PolicyPrefix + CorePermissions.ManageJobs);

        // Test only (tests/two-nodes.sh): off unless Jobs:RunNowHook is set.
        if (app.Services.GetRequiredService<IOptions<ChangeAgentAcademy.Web.Jobs.JobsOptions>>().Value.RunNowHook)
        {
            ChangeAgentAcademy.Web.Jobs.JobRunHook.Map(app);
        }

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Enabled)
        {
            module.MapEndpoints(app);
        }

        app.MapControllers();
        return app;
    }
}
