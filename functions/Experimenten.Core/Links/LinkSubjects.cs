namespace Experimenten.Links;

/// <summary>Who a status link was minted for; what the link may do follows from it.</summary>
public static class LinkSubjects
{
    /// <summary>The residents' contact: sees the status, hands over their own role, withdraws.</summary>
    public const string Resident = "resident";

    /// <summary>The welfare organisation's contact: sees the status and hands over their own role.</summary>
    public const string Welfare = "welfare";

    /// <summary>
    /// Whoever sent the submission (the API's 202 answer and the page after the form). Anyone can send a
    /// form with anyone's addresses, so this link only shows the status; acting takes a contact's own
    /// link from their email.
    /// </summary>
    public const string Submitter = "submitter";
}
