using Experimenten.Commands.Coordinator;
using Experimenten.Pages.Coordinator;
using Experimenten.Pages.Reviewer;
using Experimenten.Privacy;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Pages;

// The detail page's AVG forms (export, erase now) and the dashboard's data requests: posts with the CSRF token to
// /coordinator/applications/{id}/{export|erase|data-request}, the same commands the JSON API sends.
public sealed partial class CoordinatorPages
{
    static readonly AuditAction[] Erasures = [AuditAction.Erased, AuditAction.ErasedByRetention];

    /// <summary>The AVG actions of <see cref="ActAsync"/>, after its sign-in and CSRF checks.</summary>
    static bool IsPrivacyAction(string action) => action is "export" or "erase" or "data-request";

    async Task<IResult> ActOnPrivacyAsync(HttpRequest request, string id, string action, IFormCollection form, CoordinatorActor by, string lang, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "export":
                var export = await privacy.ExportAsync(new ExportApplication(id, by, lang), cancellationToken);
                return export.Value is { } file ? new DownloadResult(file.Content, "application/zip", file.FileName) : NotFound(lang);
            case "erase":
                var erased = await privacy.EraseAsync(new EraseApplication(id, form["reason"].ToString(), form["confirm"] == "yes", by, lang), durable, cancellationToken);
                return erased.IsAccepted
                    ? new SeeOtherResult("/coordinator" + QueryString.Create("done", "erased") + (LangQuery.For(lang) is { Length: > 0 } q ? "&" + q[1..] : ""))
                    : await AfterAsync(request, id, "erase", "erase", form, erased.Refusal, lang, cancellationToken);
            default:
                var handled = await privacy.HandleDataRequestAsync(new HandleDataRequest(id, form["request"].ToString(), by, lang), cancellationToken);
                return handled.IsAccepted || handled.Refusal?.Kind == Commands.RefusalKind.NotFound
                    ? new SeeOtherResult("/coordinator" + QueryString.Create("done", handled.IsAccepted ? "data-request" : "data-request-gone") + (LangQuery.For(lang) is { Length: > 0 } l ? "&" + l[1..] : ""))
                    : NotFound(lang);
        }
    }

    /// <summary>The open data requests with their application's title (a handful: one read each).</summary>
    async Task<IReadOnlyList<(DataRequest Request, string? Title)>> OpenRequestsAsync(CancellationToken cancellationToken)
    {
        var open = new List<(DataRequest, string?)>();
        foreach (var request in await privacy.OpenRequestsAsync(cancellationToken))
        {
            open.Add((request, (await readModel.GetAsync(request.ApplicationId, cancellationToken))?.Title));
        }

        return open;
    }

    /// <summary>What the dashboard says after a redirect: only known codes, never text from the URL.</summary>
    DetailState? ListNotice(string done, string lang)
    {
        if (done is not ("erased" or "data-request" or "data-request-gone"))
        {
            return null;
        }

        using var _ = TextCulture.Use(lang);
        return new DetailState(text["Done.Title"], text["Done." + done], false, null, new Dictionary<string, string[]>(), null, StatusCodes.Status200OK);
    }
}
