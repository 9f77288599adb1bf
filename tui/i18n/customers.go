package i18n

var customers = map[string]Text{}
