using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Experimenten.Pages;

/// <summary>The root <see cref="PageRenderer"/> renders: the page component with <see cref="PageContext"/> cascaded to all it holds.</summary>
public sealed class PageHost : IComponent
{
    RenderHandle handle;

    public void Attach(RenderHandle renderHandle) => handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        var context = parameters.GetValueOrDefault<PageContext>(nameof(PageContext))!;
        var component = parameters.GetValueOrDefault<Type>(nameof(Type))!;
        var values = parameters.GetValueOrDefault<IDictionary<string, object?>>(nameof(ParameterView));
        handle.Render(builder => Build(builder, context, component, values));
        return Task.CompletedTask;
    }

    static void Build(RenderTreeBuilder builder, PageContext context, Type component, IDictionary<string, object?>? values)
    {
        builder.OpenComponent<CascadingValue<PageContext>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<PageContext>.Value), context);
        builder.AddComponentParameter(2, nameof(CascadingValue<PageContext>.IsFixed), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<PageContext>.ChildContent), (RenderFragment)(inner =>
        {
            inner.OpenComponent<DynamicComponent>(0);
            inner.AddComponentParameter(1, nameof(DynamicComponent.Type), component);
            inner.AddComponentParameter(2, nameof(DynamicComponent.Parameters), values);
            inner.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
