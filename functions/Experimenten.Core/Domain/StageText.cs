namespace Experimenten.Domain;

/// <summary>Each stage in plain words for applicants.</summary>
public static class StageText
{
    public static string For(Stage stage, string language)
    {
        var (nl, en) = stage switch
        {
            Stage.Submitted => ("Ontvangen", "Received"),
            Stage.Screening => ("We controleren of de aanvraag aan de voorwaarden voldoet", "We are checking the application against the call's conditions"),
            Stage.Ineligible => ("Niet in behandeling genomen", "Not taken into review"),
            Stage.InReview => ("De beoordelaars lezen het plan", "The reviewers are reading the plan"),
            Stage.ChangesRequested => ("De beoordelaars vragen om aanpassingen", "The reviewers ask for changes"),
            Stage.Lapsed => ("Vervallen: er kwam geen aangepast plan op tijd", "Lapsed: no revised plan arrived in time"),
            Stage.Approved => ("Goedgekeurd", "Approved"),
            Stage.Rejected => ("Afgewezen", "Rejected"),
            Stage.Monitoring => ("Het experiment loopt", "The experiment is running"),
            Stage.Completed => ("Afgerond", "Completed"),
            Stage.Withdrawn => ("Ingetrokken", "Withdrawn"),
            Stage.Cancelled => ("Stopgezet door het fonds", "Cancelled by the fund"),
            _ => (stage.ToString(), stage.ToString()),
        };
        return language == Languages.English ? en : nl;
    }
}
