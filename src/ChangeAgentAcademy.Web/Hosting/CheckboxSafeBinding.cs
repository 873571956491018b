using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// A bool (a checkbox) posted with a value that is not a bool ("on", "‮evil") fails to bind with the usual localized
/// message, and its raw value is dropped from ModelState: a form shown again with an error would otherwise render the
/// checkbox by converting that raw value to a bool, which throws (a 500 instead of the form). The checkbox then
/// shows the model's value; the error stays.
/// </summary>
internal sealed class CheckboxSafeBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(bool) && context.Metadata.ModelType != typeof(bool?))
        {
            return null;
        }

        return InnerBinder.Of(context, this) is { } inner ? new CheckboxSafeBinder(inner) : null;
    }

    private sealed class CheckboxSafeBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (!context.Result.IsModelSet
                && context.ModelState.TryGetValue(context.ModelName, out var entry)
                && entry.RawValue is not null
                && entry.Errors.Count > 0)
            {
                context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: entry.AttemptedValue);
            }
        }
    }
}
