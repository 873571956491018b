using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>One route of the site as the app itself declares it (its own EndpointDataSource), so a new route is tested without a list here.</summary>
public sealed record SiteRoute(string Method, RoutePattern Pattern, IReadOnlyList<string> FieldNames)
{
    /// <summary>"GET logs/{id:long}": the key of the expectation tables.</summary>
    public string Key => $"{Method} {Pattern.RawText?.TrimStart('/')}";

    public IEnumerable<RoutePatternParameterPart> Parameters => Pattern.Parameters;

    /// <summary>The path with each parameter replaced by <paramref name="value"/>'s answer (already URL-escaped).</summary>
    public string Fill(Func<RoutePatternParameterPart, string> value)
    {
        var segments = Pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart sep => sep.Content,
            RoutePatternParameterPart param => value(param),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }
}

public static class RouteCatalog
{
    public static IReadOnlyList<SiteRoute> Discover(SiteFactory site)
    {
        var routes = new List<SiteRoute>();
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var fields = action is null ? [] : action.Parameters
                .Where(p => p.BindingInfo?.BindingSource?.Id is not "Path" and not "Services")
                .SelectMany(p => IsSimple(p.ParameterType) ? [p.Name] : p.ParameterType.GetProperties().Where(x => x.CanWrite).Select(x => x.Name))
                .Distinct().ToList();
            foreach (var method in methods)
            {
                routes.Add(new SiteRoute(method, endpoint.RoutePattern, fields));
            }
        }

        return routes.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) || typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(t);
    }
}
