namespace Dashboard.Core.Records;

/// <summary>The identity document a record names its patient by.</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证: 18 characters with a GB 11643 check character.</summary>
    ResidentId,
    Passport,
    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacauPermit,
    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,
    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentId,
    Other,
}
