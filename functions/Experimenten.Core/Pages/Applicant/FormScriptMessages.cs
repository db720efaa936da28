using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages.Applicant;

/// <summary>form.js's messages as data-msg-* attributes on the form, in the page's language (the same words as the server's).</summary>
public static class FormScriptMessages
{
    static readonly string[] Keys =
        ["required", "email", "euros", "cents", "toohigh", "positive", "toolong", "plan", "filesize", "filetype", "consent", "summary", "network", "sending", "error"];

    public static IReadOnlyDictionary<string, object> For(IStringLocalizer<ApplicantText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Keys.ToDictionary(k => "data-msg-" + k, k => (object)text["Script." + k].Value, StringComparer.Ordinal);
    }
}
