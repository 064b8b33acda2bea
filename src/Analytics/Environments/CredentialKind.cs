namespace GraphReports.Analytics.Environments;

/// <summary>What a key lets its holder do.</summary>
public enum CredentialKind
{
    /// <summary>Send events to the Indexer.</summary>
    Ingest = 1,
    /// <summary>Read reports from the Api.</summary>
    Api = 2,
}

/// <summary>A key that was recognised: whose it is and what it is for.</summary>
public sealed record Credential(ProductEnvironment Environment, CredentialKind Kind);

/// <summary>Why an <c>Authorization</c> header was not accepted, or <see cref="Resolved"/>.</summary>
public enum CredentialStatus
{
    Resolved = 0,
    /// <summary>No <c>Authorization</c> header.</summary>
    Missing = 1,
    /// <summary>A header that is not <c>Bearer &lt;key&gt;</c>.</summary>
    Malformed = 2,
    /// <summary>A bearer key that no environment has.</summary>
    Unknown = 3,
}

/// <summary>The outcome of <see cref="CredentialDirectory.Resolve"/>; <see cref="Error"/> is a message fit for the caller.</summary>
public sealed record CredentialResolution(CredentialStatus Status, Credential? Credential, string? Error)
{
    public bool IsResolved => Status == CredentialStatus.Resolved;
}
