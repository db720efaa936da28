namespace Experimenten.Email;

/// <summary>Every email the product sends (design §3, "Emails at each stage").</summary>
public enum EmailKind
{
    Received,
    Ineligible,
}
