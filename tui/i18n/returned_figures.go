package i18n

// returnedFigures are the words of returns as a statistics figure of
// their own (退货): the measure and a return among a figure's documents.
var returnedFigures = map[string]Text{
	"stat.measure.returned": {"退货", "returned"},
	"stat.doc.return":       {"退货单", "return"},
}
