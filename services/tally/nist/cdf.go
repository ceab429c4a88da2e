package nist

// The wire classes of the NIST SP 1500-100 Version 2 JSON schema that a
// report uses, in the schema's spelling. Every object carries "@type" with the
// schema's "ElectionResults." prefix; every class the schema gives an "@id"
// carries one. The schema forbids any property it does not list
// (additionalProperties: false), so these structs hold nothing else, and
// encoding/json writes the fields in the order they are declared here, which
// keeps the output byte-for-byte stable.

const (
	typeBallotCounts          = "ElectionResults.BallotCounts"
	typeCandidate             = "ElectionResults.Candidate"
	typeCandidateContest      = "ElectionResults.CandidateContest"
	typeCandidateSelection    = "ElectionResults.CandidateSelection"
	typeCountStatus           = "ElectionResults.CountStatus"
	typeElection              = "ElectionResults.Election"
	typeElectionReport        = "ElectionResults.ElectionReport"
	typeExternalIdentifier    = "ElectionResults.ExternalIdentifier"
	typeInternationalizedText = "ElectionResults.InternationalizedText"
	typeLanguageString        = "ElectionResults.LanguageString"
	typeParty                 = "ElectionResults.Party"
	typePartyContest          = "ElectionResults.PartyContest"
	typePartySelection        = "ElectionResults.PartySelection"
	typeReportingUnit         = "ElectionResults.ReportingUnit"
	typeVoteCounts            = "ElectionResults.VoteCounts"
)

type electionReport struct {
	AtType              string          `json:"@type"`
	Election            []election      `json:"Election"`
	Format              string          `json:"Format"`
	GeneratedDate       string          `json:"GeneratedDate"`
	GpUnit              []reportingUnit `json:"GpUnit"`
	Issuer              string          `json:"Issuer"`
	IssuerAbbreviation  string          `json:"IssuerAbbreviation"`
	Party               []party         `json:"Party,omitempty"`
	SequenceEnd         int             `json:"SequenceEnd"`
	SequenceStart       int             `json:"SequenceStart"`
	Status              string          `json:"Status"`
	VendorApplicationID string          `json:"VendorApplicationId"`
}

// election has no "@id": the schema does not allow one on Election.
type election struct {
	AtType             string                `json:"@type"`
	BallotCounts       []ballotCounts        `json:"BallotCounts,omitempty"`
	Candidate          []candidate           `json:"Candidate,omitempty"`
	Contest            []contest             `json:"Contest"`
	ElectionScopeID    string                `json:"ElectionScopeId"`
	EndDate            string                `json:"EndDate"`
	ExternalIdentifier []externalIdentifier  `json:"ExternalIdentifier"`
	Name               internationalizedText `json:"Name"`
	StartDate          string                `json:"StartDate"`
	Type               string                `json:"Type"`
}

// contest is a PartyContest or a CandidateContest: the two share every field
// used here but NumberElected and VotesAllowed, which only a CandidateContest
// has and which stay nil (absent) on a PartyContest.
type contest struct {
	AtType             string               `json:"@type"`
	AtID               string               `json:"@id"`
	ContestSelection   []selection          `json:"ContestSelection"`
	CountStatus        []countStatus        `json:"CountStatus,omitempty"`
	ElectionDistrictID string               `json:"ElectionDistrictId"`
	ExternalIdentifier []externalIdentifier `json:"ExternalIdentifier"`
	Name               string               `json:"Name"`
	NumberElected      *int                 `json:"NumberElected,omitempty"`
	SequenceOrder      int                  `json:"SequenceOrder"`
	SubUnitsReported   *int                 `json:"SubUnitsReported,omitempty"`
	TotalSubUnits      *int                 `json:"TotalSubUnits,omitempty"`
	VoteVariation      string               `json:"VoteVariation,omitempty"`
	VotesAllowed       *int                 `json:"VotesAllowed,omitempty"`
}

// selection is a PartySelection (PartyIds) or a CandidateSelection
// (CandidateIds).
type selection struct {
	AtType        string       `json:"@type"`
	AtID          string       `json:"@id"`
	CandidateIDs  []string     `json:"CandidateIds,omitempty"`
	PartyIDs      []string     `json:"PartyIds,omitempty"`
	SequenceOrder int          `json:"SequenceOrder"`
	VoteCounts    []voteCounts `json:"VoteCounts,omitempty"`
}

type voteCounts struct {
	AtType   string `json:"@type"`
	Count    int64  `json:"Count"`
	GpUnitID string `json:"GpUnitId"`
	Type     string `json:"Type"`
}

type ballotCounts struct {
	AtType          string `json:"@type"`
	BallotsCast     int64  `json:"BallotsCast"`
	BallotsRejected int64  `json:"BallotsRejected"`
	GpUnitID        string `json:"GpUnitId"`
	Type            string `json:"Type"`
}

type countStatus struct {
	AtType string `json:"@type"`
	Status string `json:"Status"`
	Type   string `json:"Type"`
}

type candidate struct {
	AtType             string                `json:"@type"`
	AtID               string                `json:"@id"`
	BallotName         internationalizedText `json:"BallotName"`
	ExternalIdentifier []externalIdentifier  `json:"ExternalIdentifier"`
}

type party struct {
	AtType             string                 `json:"@type"`
	AtID               string                 `json:"@id"`
	Abbreviation       *internationalizedText `json:"Abbreviation,omitempty"`
	Color              string                 `json:"Color,omitempty"`
	ExternalIdentifier []externalIdentifier   `json:"ExternalIdentifier"`
	Name               internationalizedText  `json:"Name"`
}

type reportingUnit struct {
	AtType             string                `json:"@type"`
	AtID               string                `json:"@id"`
	ComposingGpUnitIDs []string              `json:"ComposingGpUnitIds,omitempty"`
	CountStatus        []countStatus         `json:"CountStatus,omitempty"`
	ExternalIdentifier []externalIdentifier  `json:"ExternalIdentifier"`
	Name               internationalizedText `json:"Name"`
	OtherType          string                `json:"OtherType,omitempty"`
	SubUnitsReported   *int                  `json:"SubUnitsReported,omitempty"`
	TotalSubUnits      *int                  `json:"TotalSubUnits,omitempty"`
	Type               string                `json:"Type"`
	VotersRegistered   int64                 `json:"VotersRegistered,omitempty"`
}

type externalIdentifier struct {
	AtType    string `json:"@type"`
	OtherType string `json:"OtherType,omitempty"`
	Type      string `json:"Type"`
	Value     string `json:"Value"`
}

type internationalizedText struct {
	AtType string           `json:"@type"`
	Text   []languageString `json:"Text"`
}

type languageString struct {
	AtType   string `json:"@type"`
	Content  string `json:"Content"`
	Language string `json:"Language"`
}

func text(s string) internationalizedText {
	return internationalizedText{
		AtType: typeInternationalizedText,
		Text:   []languageString{{AtType: typeLanguageString, Content: s, Language: Language}},
	}
}

// mandateID is the identifier Mandate itself uses for an object, so that a
// reader can match the report's "@id" values back to the tally's names.
func mandateID(id string) externalIdentifier {
	return externalIdentifier{AtType: typeExternalIdentifier, Type: "other", OtherType: "mandate", Value: id}
}
