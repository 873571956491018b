using System.Globalization;
using System.Threading.RateLimiting;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Demo;
using ChangeAgentAcademy.Web.Hosting.Absent;
using ChangeAgentAcademy.Web.Jobs;
using ChangeAgentAcademy.Web.Security;
using ChangeAgentAcademy.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Hosting;

public static class AcademyServices
{
    public const string SignInRateLimitPolicy = "sign-in";

    /// <summary>Everything the host wires: modules, data, identity, permissions, jobs, languages, health.</summary>
    public static WebApplicationBuilder AddAcademy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), configuration);
        services.AddSingleton(catalog);

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<ProgrammeOptions>(configuration.GetSection(ProgrammeOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.PostConfigure<DemoOptions>(o => o.Enabled ??= database.IsEmbedded);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProgrammeTime>();
        services.AddSingleton<ICitizenDataCheck, CitizenDataCheck>();

        services.AddAcademyDatabase(database, builder.Environment.ContentRootPath, catalog);
        services.AddSharedKeys();
        services.AddAcademyJobs(database, DatabaseServiceCollectionExtensions.ConnectionString(database, builder.Environment.ContentRootPath), jobs);
        var publicUrl = AddSite(builder);
        AddIdentity(services, security, publicUrl);
        services.AddExternalSignIn(configuration, publicUrl);
        AddPermissions(services, catalog);
        AddLanguages(services);

        var mvc = services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.ModelBinderProviders.Insert(0, new SaneDateBinderProvider());
                o.ModelBinderProviders.Insert(0, new CheckboxSafeBinderProvider());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)))
            .ConfigureApplicationPartManager(parts => KeepEnabledModuleParts(parts, catalog));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) => LocalizeBindingMessages(o, factory));
        // Action links are kept per process (routes are fixed at start): Hosting/LinkCache.cs.
        services.AddSingleton<LinkCache>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory, CachedUrlHelperFactory>());
        // Flash messages in a cookie, without deleting on every page a cookie the browser did not send: Hosting/TempDataCookieProvider.cs.
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, TempDataCookieProvider>());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<HangfireHealthCheck>("jobs");
        HealthReportCache.Decorate(services);
        services.AddSingleton<AnonymousPageCache>();

        services.AddTransient<IImportStep, CoreDataStep>();
        // One instance, which the pipeline's set-up starts early (AcademyPipeline.UseAcademy) and the host then waits for.
        services.AddSingleton<SiteInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteInitializer>());

        foreach (var module in catalog.Enabled)
        {
            module.ConfigureServices(services, configuration);
            foreach (var job in module.RecurringJobs)
            {
                services.AddSingleton(job);
                services.AddScoped(job.JobType);
            }
        }

        // The core's personal data, after every module's: erasure runs providers in this order, and a module may still look the person up.
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, ChangeAgentAcademy.Web.Privacy.CorePrivacyProvider>();
        services.AddAbsentModuleDefaults();

        return builder;
    }

    /// <summary>
    /// The public address (every absolute link in mail and feeds), the hosts the site answers to, and the proxies
    /// whose forwarded headers it believes. Production refuses to start without a public address.
    /// </summary>
    private static Uri? AddSite(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var configured = SiteOptions.Configured(configuration);
        var publicUrl = SiteOptions.Parse(configured);
        if (configured is not null && publicUrl is null)
        {
            throw new InvalidOperationException($"Site:PublicUrl \"{configured}\" is not an absolute http or https address (scheme, host, optional port and path).");
        }

        if (publicUrl is null && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Set Site:PublicUrl to the address people reach the site at (e.g. https://academy.example.org): links in mail are built from it, never from the request. The site does not start in Production without it.");
        }

        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddSingleton<ISiteAddress, SiteAddress>();

        // In Production the site answers only to its public host unless AllowedHosts says otherwise.
        if (publicUrl is not null && builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [publicUrl.IdnHost]);
        }

        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies are believed (the defaults trust loopback).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in site.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in site.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (publicUrl is not null)
            {
                o.AllowedHosts = [publicUrl.IdnHost];
            }
        });
        return publicUrl;
    }

    private static void AddIdentity(IServiceCollection services, SecurityOptions security, Uri? publicUrl)
    {
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = security.PasswordHashIterations;
        });
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "caa.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over TLS (directly or through a configured proxy), always when the public address is https.
            o.Cookie.SecurePolicy = publicUrl?.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = security.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/error/403";
            // A forbidden page answers 403 itself (the status page explains it) instead of redirecting.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A form sent after the session ended returns, after sign-in, to the page it was on, never to its POST URL.
            SignInReturn.Attach(o.Events);
        });
        services.AddSingleton<SignInReturn>();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = publicUrl?.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((o, clock) =>
            {
                AbsoluteSessionLimit.Attach(o.Events, security, clock);
                // The cookie's decryption is remembered for a minute per cookie value: Security/CachedTicketFormat.cs.
                if (o.TicketDataFormat is { } format and not CachedTicketFormat)
                {
                    o.TicketDataFormat = new CachedTicketFormat(format, clock);
                }
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddSingleton<SessionCache>();
        services.AddScoped<SessionStore>();
        services.AddScoped<ChangeAgentAcademy.Web.Services.AccountService>();
        services.AddScoped<ISessionRevoker>(sp => sp.GetRequiredService<SessionStore>());
        services.AddHostedService<SessionRefresher>();
    }

    private static void AddPermissions(IServiceCollection services, ModuleCatalog catalog)
    {
        foreach (var permission in CorePermissions.All.Concat(catalog.Enabled.SelectMany(m => m.Permissions)))
        {
            services.AddSingleton(permission);
        }

        // Every endpoint needs a signed-in person unless it says [AllowAnonymous].
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IPermissionService, PermissionService>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<ViewComponents.NavigationMenu>();
    }

    private static void AddLanguages(IServiceCollection services)
    {
        services.AddLocalization();
        // Texts looked up once per language and kept (the resource files do not change while the site runs).
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, ChangeAgentAcademy.Web.Localization.CachedStringLocalizerFactory>());
        // Write å, ä, ø as characters, not &#xE5; entities: Nordic pages stay readable and smaller.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOptions<RequestLocalizationOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProgrammeOptions>>((o, programme) =>
        {
            var cultures = ProgrammeOptions.Languages.Select(l => new CultureInfo(l)).ToList();
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.SetDefaultCulture(programme.Value.DefaultLanguage);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The person's choice (a cookie set at sign-in and by the switcher), then the browser's.
            o.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider(), new Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    /// <summary>MVC sees controllers and views of enabled modules only: a switched-off module's routes are gone.</summary>
    private static void KeepEnabledModuleParts(ApplicationPartManager parts, ModuleCatalog catalog)
    {
        foreach (var part in parts.ApplicationParts.ToList())
        {
            if (part is AssemblyPart { Assembly: var a } && catalog.IsModuleAssembly(a) && !catalog.IsEnabled(a))
            {
                parts.ApplicationParts.Remove(part);
            }
            else if (part is Microsoft.AspNetCore.Mvc.ApplicationParts.CompiledRazorAssemblyPart { Assembly: var r } && catalog.IsModuleAssembly(r) && !catalog.IsEnabled(r))
            {
                parts.ApplicationParts.Remove(part);
            }
        }

        foreach (var module in catalog.Enabled)
        {
            var assembly = module.GetType().Assembly;
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        }
    }

    private static void LocalizeBindingMessages(MvcOptions o, IStringLocalizerFactory factory)
    {
        var t = factory.Create(typeof(SharedText));
        var m = o.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["ValueInvalid", v]);
        m.SetValueMustBeANumberAccessor(f => t["ValueMustBeNumber", f]);
        m.SetMissingBindRequiredValueAccessor(f => t["Required", f]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["ValueInvalid", v]);
        m.SetMissingKeyOrValueAccessor(() => t["RequiredNoName"]);
        m.SetUnknownValueIsInvalidAccessor(f => t["ValueInvalid", f]);
        m.SetValueMustNotBeNullAccessor(f => t["Required", f]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["ValueInvalid", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["RequiredNoName"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["ValueMustBeNumberNoName"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["RequiredNoName"]);
    }
}
