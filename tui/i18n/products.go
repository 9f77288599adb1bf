package i18n

var products = map[string]Text{}
