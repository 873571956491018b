using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>For a provider that wraps MVC's own binder: the binder the other providers would give for this model.</summary>
internal static class InnerBinder
{
    public static IModelBinder? Of(ModelBinderProviderContext context, IModelBinderProvider wrapper)
    {
        foreach (var provider in context.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBinderProviders)
        {
            if (provider.GetType() != wrapper.GetType() && provider.GetBinder(context) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
