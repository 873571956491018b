using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Every DateTime, DateOnly and DateTimeOffset bound from a form, query or route must fall in
/// <see cref="InputDates"/>' range: outside it the binding fails with a localized message (the typed
/// text stays in ModelState, so the form shows it again) and the action sees no value.
/// </summary>
internal sealed class SaneDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (!InputDates.AppliesTo(context.Metadata.ModelType))
        {
            return null;
        }

        return InnerBinder.Of(context, this) is { } inner ? new SaneDateBinder(inner) : null;
    }

    private sealed class SaneDateBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet && context.Result.Model is { } value && !InputDates.IsSane(value))
            {
                var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
                context.ModelState.TryAddModelError(context.ModelName, t["DateOutOfRange", InputDates.MinYear, InputDates.MaxYear]);
                context.Result = ModelBindingResult.Failed();
            }
        }
    }
}
