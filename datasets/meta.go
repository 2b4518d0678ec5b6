package datasets

// meta is filled in by the catalogue work; see Meta.
var meta = map[string]Meta{}
