// Package printout renders the desk's documents for paper: the sales
// contract (销售合同), the delivery note (发货单) in its three labelled
// copies, the statement of account (货款往来对账单) and the overdue
// letter (逾期回款函), as A4 PDFs, and the delivery note also as
// fixed-width text for a dot-matrix printer.
//
// It is pure Go and knows nothing of the database or the terminal: the
// caller fills a plain struct (Contract, DeliveryNote, Statement,
// OverdueLetter) from what workflow loaded and gets bytes back to write
// to a file or a printer. Figures are printed as given (the contract
// check that price × weight = amount belongs to workflow); totals are the
// sums of the lines, and CapitalAmount writes them in Chinese capital
// numerals (大写金额). Documents are in Chinese, as the parties sign them.
//
// The PDFs use github.com/signintech/gopdf with one embedded TrueType
// font, WenQuanYi Micro Hei (fonts/NOTICE: Apache-2.0), so nothing needs
// installing; each PDF carries only the glyphs it uses, with a ToUnicode
// map, so its text can be searched and extracted (the tests read it back
// with pdftotext). Tables size their columns by printed width (a CJK
// glyph is measured, not counted), wrap long names and specs, and flow
// over pages repeating their head; every page is numbered within its
// document or, for a delivery note, within its copy.
package printout
