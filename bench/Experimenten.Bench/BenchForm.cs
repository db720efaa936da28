namespace Experimenten.Bench;

/// <summary>The application every benchmark submits: a valid one for the given call.</summary>
static class BenchForm
{
    public static IEnumerable<(string Name, string Value)> Fields(string call) =>
    [
        ("callId", call), ("title", "Benchmark"), ("summary", "Meting"), ("initiativeName", "Bench"),
        ("residentContactName", "Anna"), ("residentContactEmail", "anna@example.org"), ("welfareOrganisation", "Welzijn Oost"),
        ("welfareContactName", "Bram"), ("welfareContactEmail", "bram@example.org"), ("municipality", "Utrecht"),
        ("budgetRequested", "5000"), ("language", "nl"), ("consent", "true"),
    ];
}
