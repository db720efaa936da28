using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Coordinator;

/// <summary>The language in a coordinator link: nothing for Dutch (the default), "?lang=xx" for any other.</summary>
public static class LangQuery
{
    public static string For(string language) => language == Languages.Dutch ? "" : QueryString.Create("lang", language).ToString();
}
